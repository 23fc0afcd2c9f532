using System.Diagnostics;
using System.Globalization;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Rehearsal;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Crash survival of the real migrator: the crash host runs <see cref="V1ToV2Migrator"/> in its own
/// process and is SIGKILLed right after a seeded batch commit (or right at start); a second run
/// must finish, and the V2 file must then verify clean against V1 with exactly the expected
/// rejects. Points tried = <see cref="TestProfile.CrashPoints"/>. When rehearsing, the same on a
/// copy of the user's own V1 database (<see cref="RehearsalDatabase"/>).
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1ToV2CrashTests(ITestOutputHelper output)
{
    private const int BatchSize = 10;

    // The user's database may be large: the migrator's default batch keeps the kill points spread
    // over a run of reasonable length, and a run gets longer to finish.
    private const int RehearsalBatchSize = 200;
    private const int Seed = 4242;
    private static readonly TimeSpan s_runLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_rehearsalRunLimit = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task MigrateAsync_KilledAtSeededBatches_RestartCompletesClean()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        // The user's own database when rehearsing (SOCRATES_V1_DATABASE), else a generated one.
        using var rehearsal = RehearsalDatabase.CopyConfiguredTo(v1);
        var generated = rehearsal is null
            ? await V1Databases.GenerateAsync(v1, new V1GenerationOptions(Users: 6, Projects: 30, MessagesPerProject: 10, Seed: Seed, BadShare: 0.05))
            : null;
        var batchSize = rehearsal is null ? BatchSize : RehearsalBatchSize;
        var runLimit = rehearsal is null ? s_runLimit : s_rehearsalRunLimit;
        async Task<(int ExitCode, string Output, string Errors, bool Killed)> RunAsync(string v2, int? killAfterBatch) =>
            await RunHostAsync(v1, v2, batchSize, runLimit, killAfterBatch);

        // Batches a full run commits: the kill points are drawn from 0 (at start) .. that count.
        var probe = await RunAsync(directory.File("probe-v2.db"), killAfterBatch: null);
        Assert.True(probe.ExitCode == 0, $"the uninterrupted run failed: {probe.Errors}");
        var batches = probe.Output.Split('\n').Count(l => l.StartsWith("batch ", StringComparison.Ordinal));
        var random = new Random(Seed);
        var points = Enumerable.Range(0, TestProfile.Current.CrashPoints).Select(_ => random.Next(0, batches)).ToList();

        var outcomes = new List<object>();
        var survived = 0;
        var tried = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var v2 = directory.File($"v2-{i}.db");
            var killed = await RunAsync(v2, points[i]);
            var resumed = await RunAsync(v2, killAfterBatch: null);
            var clean = false;
            long unexpected = -1;
            string? problem = null;
            if (resumed.ExitCode == 0)
            {
                var report = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
                // Real data has no list of bad rows: there, clean means verified with every reject accounted.
                unexpected = generated is null ? 0 : await V1ToV2MigrationTests.UnexpectedRejectsAsync(v2, generated);
                clean = report.Clean && unexpected == 0;
                problem = clean ? null : report.Report.Describe();
            }
            else
            {
                problem = resumed.Errors;
            }

            if (!killed.Killed)
            {
                // The host finished before the trigger line was read: not a crash point; recorded, not counted.
                outcomes.Add(new { point = points[i], killed = false, resumed_exit = resumed.ExitCode, clean, unexpected_rejects = unexpected, problem });
                output.WriteLine($"batch {points[i]}: the host was not killed (exit {killed.ExitCode}); not counted");
                continue;
            }

            tried++;
            survived += clean ? 1 : 0;
            outcomes.Add(new { point = points[i], killed = killed.Killed, resumed_exit = resumed.ExitCode, clean, unexpected_rejects = unexpected, problem });
            output.WriteLine($"kill after batch {points[i]} (killed: {killed.Killed}): restart exit {resumed.ExitCode}, clean {clean} {problem}");
        }

        var rate = tried == 0 ? 0 : (double)survived / tried;
        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-v1v2-crash.json", new
        {
            rehearsal = rehearsal is null ? null : new { path = rehearsal.Source, bytes = rehearsal.Bytes, sha256 = rehearsal.Sha256 },
            batches,
            batch_size = batchSize,
            points,
            outcomes,
        });
        MetricsWriter.Write("integrity", "migration.v1v2_crash_points_tried", tried, "points", evidence);
        MetricsWriter.Write("integrity", "migration.v1v2_crash_survival_rate", rate, "ratio", evidence);
        var source = rehearsal?.Finish();
        Assert.True(tried > 0, "no run was killed");
        Assert.Equal(1.0, rate);
        Assert.True(source?.SourceUnchanged ?? true, $"the user's database changed: sha256 {source?.Sha256Before} before, {source?.Sha256After} after");
    }

    private static async Task<(int ExitCode, string Output, string Errors, bool Killed)> RunHostAsync(string v1, string v2, int batchSize, TimeSpan runLimit, int? killAfterBatch)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CrashHostProcess.HostPath, "v1v2", v1, v2, batchSize.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        if (killAfterBatch is not null)
        {
            // The host stops still at the kill point, so the kill lands after exactly that commit.
            info.ArgumentList.Add(killAfterBatch.Value.ToString(CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash host.");
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(runLimit);
        var lines = new System.Text.StringBuilder();
        var trigger = killAfterBatch is 0 ? "started" : $"batch {killAfterBatch} committed";
        var killed = false;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(limit.Token)) is not null)
        {
            lines.AppendLine(line);
            if (killAfterBatch is not null && line.StartsWith(trigger, StringComparison.Ordinal) && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, lines.ToString(), await errors, killed);
    }
}
