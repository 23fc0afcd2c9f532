using Socrates.Core.Failpoints;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

/// <summary>
/// The exact-search floor gate's canary, counted rather than timed: under the failpoint every
/// exact search copies every row before scoring it and answers exactly the same; without it none does. No other test
/// enables this failpoint, so the process-wide counter's deltas are this test's.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ExactCopyRowsCanaryTests
{
    [Fact]
    public void Search_CopyRowsFailpoint_EverySearchCopiesSameAnswers()
    {
        var records = TestVectors.Records(seed: 11, count: 600, dimensions: 384);
        var exact = ExactIndex.Build(records, 384, TestVectors.Version);
        var random = new Random(5);
        var queries = Enumerable.Range(0, 12).Select(_ => TestVectors.Unit(random, 384)).ToArray();
        ScopeFilter[] filters = [ScopeFilter.All, ScopeFilter.ProjectAndGlobal("p1"), ScopeFilter.GlobalOnly];

        var before = SearchFailpoints.CopyingScans;
        var clean = queries.SelectMany(q => filters.Select(f => exact.Search(q, TestVectors.Version, 10, f))).ToList();
        Assert.Equal(before, SearchFailpoints.CopyingScans);

        List<IReadOnlyList<SearchHit>> copied;
        using (Failpoint.Enable(SearchFailpoints.ExactCopyRows))
        {
            copied = [.. queries.SelectMany(q => filters.Select(f => exact.Search(q, TestVectors.Version, 10, f)))];
        }

        Assert.Equal(before + (queries.Length * filters.Length), SearchFailpoints.CopyingScans);
        Assert.Equal(clean, copied);
    }
}
