using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class LostUpdateTests
{
    private const int Workers = 6;
    private const int IncrementsPerWorker = 15;

    [Fact]
    public async Task SaveProject_ConcurrentVersionedIncrements_NoLostUpdates()
    {
        var result = await MeasureAsync();
        var evidence = MetricsWriter.WriteEvidence("unit", "v2-lost-updates.json", result);
        MetricsWriter.Write("unit", "v2.lost_updates", result.Lost, "count", evidence);
        Assert.Equal(0, result.Lost);
        Assert.True(result.Conflicts > 0, "the workload must actually contend (no conflicts means no concurrency was tested)");
    }

    [Fact]
    public async Task SaveProject_SkipVersionCheckFailpoint_LosesUpdates()
    {
        using (Failpoint.Enable(V2Failpoints.SaveSkipVersionCheck))
        {
            var result = await MeasureAsync();
            Assert.True(result.Lost > 0, $"the skip-version canary must lose updates (final {result.Final} of {result.Expected})");
        }
    }

    /// <summary>
    /// Several tasks each add 1 to a counter field (repository_file_count) by load, think, save
    /// with the loaded version, retrying on conflict. Lost = expected total - stored total.
    /// </summary>
    private static async Task<LostUpdateResult> MeasureAsync()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.PoolSize = 4);
        var db = test.Database;
        var project = new SocratesDataGenerator(11).Project("counter-owner", ProjectShape.Small);
        project.RepositoryFileCount = 0;
        await db.SaveProjectAsync(project, null);
        var conflicts = 0;
        using var start = new ManualResetEventSlim(false);
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < IncrementsPerWorker; i++)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 1000, "an increment never got through");
                    var current = (await db.LoadProjectAsync(project.ProjectId))!;
                    current.RepositoryFileCount++;
                    await Task.Delay(1);
                    try
                    {
                        await db.SaveProjectAsync(current, current.Version);
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var final = (await db.LoadProjectAsync(project.ProjectId))!.RepositoryFileCount;
        const long expected = Workers * IncrementsPerWorker;
        return new LostUpdateResult(Workers, IncrementsPerWorker, expected, final, expected - final, conflicts);
    }

    private sealed record LostUpdateResult(int Workers, int IncrementsPerWorker, long Expected, long Final, long Lost, int Conflicts);
}
