using System.Globalization;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.CrashHost;

/// <summary>
/// Runs the real V1 -> V2 migrator with the crash host's protocol: "started", "batch N committed
/// last=K" after each commit (all tables counted in one sequence), "completed ..." at the end.
/// Exit 0 when migrated and validated, 2 on a typed migration error.
/// </summary>
internal static class V1ToV2Mode
{
    public static async Task<int> RunAsync(string v1Path, string v2Path, int batchSize)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        await stdout.WriteLineAsync("started");
        try
        {
            var summary = await V1ToV2Migrator.MigrateAsync(v1Path, v2Path,
                new V1ToV2Options { BatchSize = batchSize, BatchCommitted = new CountingReporter(stdout) }, null, CancellationToken.None);
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

    private sealed class CountingReporter(StreamWriter writer) : IProgress<CopyBatchCommitted>
    {
        private int _batches;

        public void Report(CopyBatchCommitted value) =>
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {Interlocked.Increment(ref _batches)} committed last={value.LastKey}"));
    }
}
