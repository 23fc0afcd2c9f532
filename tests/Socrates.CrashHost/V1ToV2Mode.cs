using System.Globalization;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.CrashHost;

/// <summary>
/// Runs the real V1 -> V2 migrator with the crash host's protocol: "started", "batch N committed
/// last=K" after each commit (all tables counted in one sequence), "completed ..." at the end.
/// Exit 0 when migrated and validated, 2 on a typed migration error. With a pause point the host
/// stops still right after reporting that batch (0: right after "started") and waits to be
/// killed: the kill then lands at that exact commit, not wherever the copy got to meanwhile. With
/// the backup pause it stops still once the backup's pages are written, before they are verified.
/// </summary>
internal static class V1ToV2Mode
{
    public static async Task<int> RunAsync(string v1Path, string v2Path, int batchSize, int? pauseAfterBatch, bool pauseInBackup = false)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        await stdout.WriteLineAsync("started");
        if (pauseAfterBatch == 0)
        {
            WaitToBeKilled();
        }

        try
        {
            var summary = await V1ToV2Migrator.MigrateAsync(v1Path, v2Path,
                new V1ToV2Options
                {
                    BatchSize = batchSize,
                    BatchCommitted = new CountingReporter(stdout, pauseAfterBatch),
                    BackupPagesCopied = pauseInBackup ? partial => { stdout.WriteLine("backup copied " + partial); WaitToBeKilled(); } : null,
                }, null, CancellationToken.None);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"completed migrated={summary.MigratedRows} rejected={summary.RejectedRows} this_run={summary.RowsThisRun}"));
            return 0;
        }
        catch (V1ToV2MigrationException error)
        {
            await Console.Error.WriteLineAsync($"error {error.Code} at {error.Stage}: {error.Message}");
            return 2;
        }
    }

    private static void WaitToBeKilled() => Thread.Sleep(Timeout.Infinite);

    /// <summary>Reports each commit as it happens; the copier calls it synchronously after the commit.</summary>
    private sealed class CountingReporter(StreamWriter writer, int? pauseAfterBatch) : IProgress<CopyBatchCommitted>
    {
        private int _batches;

        public void Report(CopyBatchCommitted value)
        {
            var batch = Interlocked.Increment(ref _batches);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {batch} committed last={value.LastKey}"));
            if (batch == pauseAfterBatch)
            {
                WaitToBeKilled();
            }
        }
    }
}
