using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Rejects;
using Socrates.CrashHost;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// Kill -9 the copy at seeded random points (after a seeded batch, plus a seeded delay so the kill
/// lands anywhere in the next batch), check the state it left, resume it in a new process, and
/// validate the result completely. The source must never change.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    public const string SeedVariable = "SOCRATES_CRASH_SEED";
    private const int Rows = 3_000;
    private const int BatchSize = 50;
    private const int Batches = Rows / BatchSize;

    [Fact]
    public async Task CrashHost_KilledAtSeededPoints_ResumesToValidatedTarget()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount & 0xFFFFF;
        output.WriteLine($"crash seed {seed} (replay with {SeedVariable}={seed})");
        var points = TestProfile.Current.CrashPoints;
        using var folder = new TempDirectory();
        var source = folder.File("source.db");
        CrashWorkload.CreateSource(source, Rows);
        var sourceChecksum = FileChecksum.Of(source);
        var outcomes = new List<CrashPointOutcome>();

        // A point counts once the host was really killed; one that finished first is drawn again
        // (bounded), so a fast machine cannot make the test pass on fewer crashes.
        var random = new Random(seed);
        for (var attempt = 0; outcomes.Count(o => o.Killed) < points && attempt < points * 4; attempt++)
        {
            var afterBatch = random.Next(0, Batches / 2);
            var delay = TimeSpan.FromMilliseconds(random.Next(0, afterBatch == 0 ? 150 : 10));
            var target = folder.File($"target-{attempt}.db");
            outcomes.Add(await TryPointAsync(attempt, source, target, afterBatch, delay, sourceChecksum));
            output.WriteLine(outcomes[^1].ToString());
        }

        var tried = outcomes.Count(o => o.Killed);
        var survived = outcomes.Count(o => o.Killed && o.Survived);
        var rate = tried == 0 ? 0.0 : (double)survived / tried;
        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-crash-points.json", new { seed, rows = Rows, batchSize = BatchSize, points = outcomes });
        MetricsWriter.Write("integrity", "migration.crash_points_tried", tried, "count", evidence);
        MetricsWriter.Write("integrity", "migration.crash_points_survived", survived, "count", evidence);
        MetricsWriter.Write("integrity", "migration.crash_survival_rate", rate, "ratio", evidence);

        Assert.Equal(points, tried);
        Assert.True(rate == 1.0, $"survival {survived}/{tried}; failures: {string.Join(" | ", outcomes.Where(o => !o.Survived))}");
    }

    private static async Task<CrashPointOutcome> TryPointAsync(int index, string source, string target, int afterBatch, TimeSpan delay, string sourceChecksum)
    {
        var outcome = new CrashPointOutcome { Index = index, AfterBatch = afterBatch, DelayMs = (int)delay.TotalMilliseconds };
        try
        {
            var killed = await CrashHostProcess.RunAndKillAsync(source, target, BatchSize, afterBatch, delay);
            outcome.Killed = killed.Killed;
            outcome.LastBatchSeen = killed.LastBatchSeen;
            outcome.StateAfterKill = await CheckPartialStateAsync(target);

            var resumed = await CrashHostProcess.RunToEndAsync(source, target, BatchSize);
            outcome.ResumeExitCode = resumed.ExitCode;
            if (resumed.ExitCode != 0)
            {
                outcome.Failure = $"resume exited {resumed.ExitCode}: {resumed.Errors.Trim()}";
                return outcome;
            }

            await using var sourceConnection = await MigrationConnections.OpenSourceAsync(source, CancellationToken.None);
            await using var targetConnection = await MigrationConnections.OpenTargetAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
            var report = await CrashWorkload.ValidateAsync(sourceConnection, targetConnection, Rows, CancellationToken.None);
            var sourceUnchanged = FileChecksum.Of(source) == sourceChecksum;
            outcome.Survived = outcome.StateAfterKill.StartsWith("consistent", StringComparison.Ordinal) && report.Passed && sourceUnchanged;
            if (!outcome.Survived)
            {
                outcome.Failure = $"state after kill: {outcome.StateAfterKill}; validation: {report.Describe()}; source unchanged: {sourceUnchanged}";
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Recorded, not swallowed: the point counts as not survived and the test fails on the rate.
            outcome.Failure = error.ToString();
        }

        return outcome;
    }

    /// <summary>
    /// What a killed copy left: nothing at all, or a database that passes integrity_check and whose
    /// committed rows are exactly the expected ones up to the recorded high-water mark.
    /// </summary>
    private static async Task<string> CheckPartialStateAsync(string target)
    {
        if (!File.Exists(target))
        {
            return "consistent: untouched (no target file)";
        }

        await using var connection = await MigrationConnections.OpenTargetAsync(target, TimeSpan.FromSeconds(5), CancellationToken.None);
        var problems = await connection.IntegrityProblemsAsync(10, CancellationToken.None);
        if (problems.Count > 0)
        {
            return "corrupt: " + string.Join(" | ", problems);
        }

        var tables = await connection.UserTablesAsync(CancellationToken.None);
        if (!tables.Contains("migration_progress") || !tables.Contains("copied_items") || !tables.Contains("copied_item_tags"))
        {
            return $"consistent: schema partly applied ({string.Join(", ", tables)}), no data";
        }

        var mark = await CopyProgressStore.ReadAsync(connection, CrashWorkload.JobName, CancellationToken.None);
        var lastKey = mark?.LastKey is long key ? key : 0L;
        var expected = CrashWorkload.ExpectedSource(Rows).Where(i => i.Id <= lastKey).ToList();
        var expectedKept = expected.Where(i => !CrashWorkload.IsRejected(i.Id)).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        var expectedRejected = expected.Where(i => CrashWorkload.IsRejected(i.Id)).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        var kept = (await Socrates.Core.Migration.Validation.IdSetValidator.ReadIdsAsync(connection, "copied_items", "id", CancellationToken.None)).Order(StringComparer.Ordinal).ToList();
        var rejected = (await RejectLog.ReadAsync(connection, CrashWorkload.SourceTable, int.MaxValue, CancellationToken.None)).Select(r => r.EntityId).Order(StringComparer.Ordinal).ToList();
        if (!kept.SequenceEqual(expectedKept) || !rejected.SequenceEqual(expectedRejected) || (mark?.RowsRead ?? 0) != expected.Count)
        {
            return $"inconsistent: mark {lastKey} ({mark?.RowsRead} read) but {kept.Count} copied (expected {expectedKept.Count}) and {rejected.Count} rejects (expected {expectedRejected.Count})";
        }

        var orphans = await Socrates.Core.Migration.Validation.ForeignKeyCheckValidator.ValidateAsync(connection, CancellationToken.None);
        return orphans.Passed
            ? $"consistent: {expected.Count} rows committed up to key {lastKey}"
            : "inconsistent: orphan tags " + string.Join(", ", orphans.FirstOffenders);
    }

    private sealed class CrashPointOutcome
    {
        public int Index { get; init; }

        public int AfterBatch { get; init; }

        public int DelayMs { get; init; }

        public bool Killed { get; set; }

        public int LastBatchSeen { get; set; }

        public string StateAfterKill { get; set; } = "(not checked)";

        public int ResumeExitCode { get; set; } = -1;

        public bool Survived { get; set; }

        public string? Failure { get; set; }

        public override string ToString() =>
            $"point {Index}: kill after batch {AfterBatch} +{DelayMs}ms, killed={Killed} (last batch seen {LastBatchSeen}); {StateAfterKill}; resume exit {ResumeExitCode}; survived={Survived}{(Failure is null ? string.Empty : "; " + Failure)}";
    }
}
