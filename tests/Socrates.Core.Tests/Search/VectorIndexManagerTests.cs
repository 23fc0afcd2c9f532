using Socrates.Core.Failpoints;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class VectorIndexManagerTests
{
    private static VectorIndexManager Manager(List<VectorRecord> records)
    {
        var manager = new VectorIndexManager(32, TestVectors.Version, new IvfOptions { Lists = 6 });
        manager.Load(records);
        return manager;
    }

    [Fact]
    public void Rebuild_AfterServingQueries_CalibratesOnTheQueriesServed()
    {
        var records = TestVectors.Records(40, 600);
        var manager = new VectorIndexManager(32, TestVectors.Version, new IvfOptions { Lists = 10, QueryLogSize = 64, MinLoggedQueries = 20 });
        manager.Load(records);
        Assert.Equal(CalibrationSource.IndexSample, manager.Current.Ivf!.Calibration?.Source);

        var random = new Random(40);
        for (var i = 0; i < 30; i++)
        {
            manager.Search(TestVectors.Unit(random, 32), TestVectors.Version, 10, ScopeFilter.All);
        }

        Assert.True(manager.Rebuild().IsValid);
        Assert.Equal(30, manager.Queries.Seen);
        Assert.Equal(new ProbeCalibrationResult(manager.Current.Ivf!.DefaultProbes, manager.Current.Ivf.CalibratedRecall!.Value, CalibrationSource.LoggedQueries, 30),
            manager.Current.Ivf.Calibration);
    }

    [Fact]
    public void Recalibrate_AfterServingQueries_NewDefaultProbesWithoutARebuild()
    {
        var records = TestVectors.Records(39, 600);
        var manager = new VectorIndexManager(32, TestVectors.Version, new IvfOptions { Lists = 10, QueryLogSize = 64, MinLoggedQueries = 20 });
        manager.Load(records);
        var loaded = manager.Current;
        var random = new Random(39);
        for (var i = 0; i < 19; i++)
        {
            manager.Search(TestVectors.Unit(random, 32), TestVectors.Version, 10, ScopeFilter.All);
        }

        Assert.Null(manager.Recalibrate());
        manager.Search(TestVectors.Unit(random, 32), TestVectors.Version, 10, ScopeFilter.All);
        var calibration = manager.Recalibrate();

        Assert.NotNull(calibration);
        Assert.Equal(CalibrationSource.LoggedQueries, calibration.Source);
        Assert.Equal(20, calibration.Queries);
        var now = manager.Current;
        Assert.NotSame(loaded, now);
        Assert.Equal(loaded.Generation, now.Generation);
        Assert.Same(calibration, now.Ivf!.Calibration);
        Assert.Equal(calibration.Probes, now.Ivf.DefaultProbes);
        Assert.Equal(loaded.Ivf!.Checksum, now.Ivf.Checksum);
        Assert.True(now.Ivf.Validate(records).IsValid);
    }

    [Fact]
    public void Recalibrate_ProbesFixedInOptions_LeavesTheIndexAlone()
    {
        var manager = new VectorIndexManager(32, TestVectors.Version, new IvfOptions { Lists = 10, Probes = 2, MinLoggedQueries = 1 });
        manager.Load(TestVectors.Records(38, 300));
        manager.Search(TestVectors.Unit(new Random(38), 32), TestVectors.Version, 10, ScopeFilter.All);
        var before = manager.Current;

        Assert.Null(manager.Recalibrate());
        Assert.Same(before, manager.Current);
        Assert.Equal(2, before.Ivf!.DefaultProbes);
    }

    [Fact]
    public void UpsertDelete_Incremental_IndexMatchesEntries()
    {
        var records = TestVectors.Records(41, 300);
        var manager = Manager(records);
        var random = new Random(41);

        manager.Upsert(new VectorRecord("new", KnowledgeScope.Project, "p9", TestVectors.Unit(random, 32)));
        manager.Upsert(records[3] with { Vector = TestVectors.Unit(random, 32) });
        Assert.True(manager.Delete(records[4].Id));
        Assert.False(manager.Delete("absent"));

        var snapshot = manager.Current;
        var report = snapshot.Ivf!.Validate(snapshot.Entries.Values);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(300, snapshot.Ivf.Count);
        Assert.Equal(3, snapshot.Ivf.Sequence);
    }

    [Fact]
    public void Upsert_DropUpdateFailpoint_ValidationFailsCountsAndFallsBackToExact()
    {
        var records = TestVectors.Records(42, 300);
        var manager = Manager(records);
        var added = new VectorRecord("dropped", KnowledgeScope.Global, null, TestVectors.Unit(new Random(1), 32));

        using (Failpoint.Enable(SearchFailpoints.DropIndexUpdate))
        {
            manager.Upsert(added);
        }

        var store = manager.Current.Entries.Values.ToList();
        var report = manager.Validate(store);

        Assert.Contains(report.Issues, i => i.Kind == IndexValidationIssueKind.MissingEntry && i.Subject == "dropped");
        Assert.Equal(1, manager.Counters.ValidationFailures);
        Assert.Equal(1, manager.Counters.FallbacksToExact);
        Assert.True(manager.Current.IsExactFallback);
        Assert.Equal("dropped", manager.Search(added.Vector, TestVectors.Version, 1, ScopeFilter.All)[0].Id);
    }

    [Fact]
    public void Validate_LiveVersionCorruptedPreviousValid_FallsBackToPrevious()
    {
        var records = TestVectors.Records(43, 300);
        var manager = Manager(records);
        var previous = manager.Current.Ivf!;
        Assert.True(manager.Rebuild().IsValid);
        var live = manager.Current.Ivf!;
        Assert.NotSame(previous, live);

        // Memory corruption in the live version only: one bit of one stored vector.
        var block = live.Lists.First(b => b.Count > 0);
        block.Vectors[0] = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(block.Vectors[0]) ^ 1);
        var report = manager.Validate(records);

        Assert.False(report.IsValid);
        Assert.Equal(1, manager.Counters.ValidationFailures);
        Assert.Equal(1, manager.Counters.FallbacksToPrevious);
        Assert.Same(previous, manager.Current.Ivf);
        Assert.True(manager.Validate(records).IsValid);
    }

    [Fact]
    public async Task Rebuild_ConcurrentReadersAndWriters_EveryReadSeesOneConsistentSnapshot()
    {
        var records = TestVectors.Records(44, 1500);
        var manager = Manager(records);
        var inconsistent = 0;
        var reads = 0;
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            while (!stop.IsCancellationRequested)
            {
                var snapshot = manager.Current;
                var ivf = snapshot.Ivf!;
                var probe = snapshot.Entries.Values.ElementAt(random.Next(snapshot.Entries.Count));
                var hits = snapshot.Search(probe.Vector, TestVectors.Version, 5, ScopeFilter.All, SearchPath.Ivf, probes: ivf.ListCount);
                var consistent = ivf.Count == snapshot.Entries.Count
                    && ivf.Checksum == ivf.ComputeChecksum()
                    && hits.Count > 0 && hits[0].Id == probe.Id
                    && hits.All(h => snapshot.Entries.ContainsKey(h.Id));
                if (!consistent)
                {
                    Interlocked.Increment(ref inconsistent);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref reads) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        var writerRandom = new Random(7);
        var generation = manager.Current.Generation;
        var rebuild = manager.RebuildAsync();
        for (var i = 0; i < 200; i++)
        {
            manager.Upsert(new VectorRecord($"w{i}", KnowledgeScope.Global, null, TestVectors.Unit(writerRandom, 32)));
            if (i % 3 == 0)
            {
                manager.Delete(records[i].Id);
            }
        }

        var rebuildReport = await rebuild;
        var readsDuringWrites = Volatile.Read(ref reads);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(rebuildReport.IsValid, rebuildReport.ToString());
        Assert.True(readsDuringWrites > 0, "no reader ran while writers and the rebuild did");
        Assert.Equal(0, inconsistent);
        Assert.True(manager.Current.Ivf!.Validate(manager.Current.Entries.Values).IsValid);
        Assert.Equal(generation + 1, manager.Current.Generation);
    }
}
