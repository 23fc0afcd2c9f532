using Socrates.Core.Failpoints;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class IvfIndexTests
{
    [Fact]
    public void Search_AllListsProbed_EqualsExact()
    {
        var records = TestVectors.Records(21, 600);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 12 });
        var random = new Random(5);

        for (var q = 0; q < 20; q++)
        {
            var query = TestVectors.Unit(random, 32);
            Assert.Equal(TestVectors.BruteForce(records, query, 10, ScopeFilter.All), index.Search(query, TestVectors.Version, 10, ScopeFilter.All, probes: 12).Hits);
        }
    }

    [Fact]
    public void Search_ProjectFilterWithOneProbe_StillReturnsKWhenKExist()
    {
        // 40 entries of project "rare" spread over every cluster; one probe sees only a few.
        var records = TestVectors.Records(22, 2000, projectEvery: 50, projects: 1)
            .Select(r => r.ProjectId is null ? r : r with { ProjectId = "rare" }).ToList();
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 20, Probes = 1, CalibrationTargetRecall = null });
        var random = new Random(6);

        foreach (var filter in new[] { ScopeFilter.ProjectOnly("rare"), ScopeFilter.ProjectAndGlobal("rare"), ScopeFilter.GlobalOnly })
        {
            for (var q = 0; q < 10; q++)
            {
                var result = index.Search(TestVectors.Unit(random, 32), TestVectors.Version, 10, filter);
                Assert.Equal(10, result.Hits.Count);
                Assert.All(result.Hits, h => Assert.True(filter.Matches(records.Single(r => r.Id == h.Id).Scope, records.Single(r => r.Id == h.Id).ProjectId)));
            }
        }
    }

    [Fact]
    public void Search_SelectiveFilter_ExactOverFilteredSubset()
    {
        var records = TestVectors.Records(23, 2000, projectEvery: 50, projects: 2);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 20, Probes = 2 });
        var query = TestVectors.Unit(new Random(1), 32);

        var result = index.Search(query, TestVectors.Version, 10, ScopeFilter.ProjectOnly("p0"));

        Assert.True(result.FilteredExact);
        Assert.Equal(TestVectors.BruteForce(records, query, 10, ScopeFilter.ProjectOnly("p0")), result.Hits);
    }

    [Fact]
    public void Search_FewerThanKMatch_ReturnsAllMatches()
    {
        var records = TestVectors.Records(24, 500, projectEvery: 100, projects: 1);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 10, Probes = 1 });

        var result = index.Search(TestVectors.Unit(new Random(2), 32), TestVectors.Version, 10, ScopeFilter.ProjectOnly("p0"));

        Assert.Equal(5, result.Hits.Count);
    }

    [Fact]
    public void Search_ForceProbesOneFailpoint_ScansOneList()
    {
        var records = TestVectors.Records(25, 1000);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 10, Probes = 5 });
        var query = TestVectors.Unit(new Random(3), 32);

        Assert.Equal(5, index.Search(query, TestVectors.Version, 10, ScopeFilter.All).ProbesUsed);
        using (Failpoint.Enable(SearchFailpoints.ForceProbesOne))
        {
            Assert.Equal(1, index.Search(query, TestVectors.Version, 10, ScopeFilter.All).ProbesUsed);
        }
    }

    [Fact]
    public void IncrementalUpdates_RandomSequence_MatchRebuiltTruth()
    {
        var random = new Random(26);
        var records = TestVectors.Records(26, 400);
        var model = records.ToDictionary(r => r.Id);
        var index = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 8 });
        var next = 1000;

        for (var step = 0; step < 300; step++)
        {
            var op = random.Next(3);
            if (op == 0)
            {
                var r = new VectorRecord($"n{next++}", KnowledgeScope.Global, null, TestVectors.Unit(random, 32));
                index = index.WithUpsert(r);
                model[r.Id] = r;
            }
            else if (op == 1 && model.Count > 0)
            {
                var id = model.Keys.ElementAt(random.Next(model.Count));
                var r = model[id] with { Vector = TestVectors.Unit(random, 32) };
                index = index.WithUpsert(r);
                model[id] = r;
            }
            else if (model.Count > 0)
            {
                var id = model.Keys.ElementAt(random.Next(model.Count));
                index = index.WithDelete(id);
                model.Remove(id);
            }
        }

        var report = index.Validate(model.Values);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(model.Count, index.Count);
        Assert.Equal(300, index.Sequence);
        Assert.Equal(index.ComputeChecksum(), index.Checksum);
        var query = TestVectors.Unit(random, 32);
        Assert.Equal(TestVectors.BruteForce(model.Values, query, 10, ScopeFilter.All), index.Search(query, TestVectors.Version, 10, ScopeFilter.All, probes: 8).Hits);
    }

    [Fact]
    public void WithUpsert_OldVersion_Unchanged()
    {
        var records = TestVectors.Records(27, 100);
        var v1 = IvfIndex.Build(records, 32, TestVectors.Version, new IvfOptions { Lists = 4 });
        var checksum = v1.Checksum;

        var v2 = v1.WithUpsert(new VectorRecord("new", KnowledgeScope.Global, null, records[0].Vector)).WithDelete(records[1].Id);

        Assert.Equal(checksum, v1.Checksum);
        Assert.Equal(checksum, v1.ComputeChecksum());
        Assert.True(v1.Validate(records).IsValid);
        Assert.False(v1.Contains("new"));
        Assert.True(v2.Contains("new"));
        Assert.False(v2.Contains(records[1].Id));
    }

    [Fact]
    public void Build_DefaultOptions_PgvectorListsAndCalibratedProbes()
    {
        var records = TestVectors.Records(28, 5000, dimensions: 16, clusters: 20);

        var pure = IvfIndex.Build(records, 16, TestVectors.Version, new IvfOptions { CalibrationTargetRecall = null });
        var calibrated = IvfIndex.Build(records, 16, TestVectors.Version, new IvfOptions());

        Assert.Equal(5, pure.ListCount);
        Assert.Equal(3, pure.DefaultProbes);
        Assert.Null(pure.CalibratedRecall);
        Assert.InRange(calibrated.DefaultProbes, 3, 5);
        Assert.True(calibrated.CalibratedRecall >= 0.95);
    }
}
