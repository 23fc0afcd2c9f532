using System.Globalization;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Runs;
using Socrates.CrashHost;

// Usage: Socrates.CrashHost <source.db> <target.db> <batch-size>
//    or: Socrates.CrashHost v1v2 <v1.db> <v2.db> <batch-size> [pause-after-batch | backup]
//        (the real V1 -> V2 migrator, same protocol; with pause-after-batch N it stops still after
//        reporting batch N, 0 = after "started"; with "backup" it prints "backup copied <path>" once
//        the backup's pages are written, before they are verified, and stops still: a SIGKILL then
//        lands exactly there)
// Prints "started", then "batch N committed last=K" after each commit, then "completed ...".
// Exit 0 when the copy completed, 2 on a typed migration error, 3 on bad arguments.
if (args.Length is 4 or 5 && args[0] == "v1v2" && int.TryParse(args[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v1v2Batch))
{
    var pauseInBackup = args.Length == 5 && args[4] == "backup";
    int? pauseAfter = args.Length == 5 && !pauseInBackup ? int.Parse(args[4], NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
    return await V1ToV2Mode.RunAsync(args[1], args[2], v1v2Batch, pauseAfter, pauseInBackup);
}

if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var batchSize))
{
    await Console.Error.WriteLineAsync("usage: Socrates.CrashHost <source.db> <target.db> <batch-size>");
    return 3;
}

var (sourcePath, targetPath) = (args[0], args[1]);
using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
await stdout.WriteLineAsync("started");
try
{
    await using var source = await MigrationConnections.OpenSourceAsync(sourcePath, CancellationToken.None);
    await using var target = await MigrationConnections.OpenTargetAsync(targetPath, TimeSpan.FromSeconds(5), CancellationToken.None);
    await using (var wal = target.CreateCommand())
    {
        wal.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";
        await wal.ExecuteNonQueryAsync();
    }

    await new MigrationRunner(CrashWorkload.AllSteps).MigrateAsync(target, CancellationToken.None);
    await stdout.WriteLineAsync("schema ready");
    var runId = await MigrationRuns.StartAsync(target, TimeProvider.System, sourcePath, null, CancellationToken.None);
    var copier = new BatchedTableCopier(source, target, new RejectLog(), new TableCopyOptions
    {
        BatchSize = batchSize,
        BatchCommitted = new LineReporter(stdout),
    });
    var result = await copier.CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
    await MigrationRuns.CompleteAsync(target, TimeProvider.System, runId, CancellationToken.None);
    await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"completed read={result.RowsRead} migrated={result.RowsMigrated} rejected={result.RowsRejected} resumed={result.Resumed} batches={result.BatchesThisRun}"));
    return 0;
}
catch (MigrationException error)
{
    await Console.Error.WriteLineAsync($"error {error.Code}: {error.Message}");
    return 2;
}

/// <summary>Writes a line per committed batch, synchronously, so the test sees commits as they happen.</summary>
internal sealed class LineReporter(StreamWriter writer) : IProgress<CopyBatchCommitted>
{
    public void Report(CopyBatchCommitted value) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {value.Batch} committed last={value.LastKey}"));
}
