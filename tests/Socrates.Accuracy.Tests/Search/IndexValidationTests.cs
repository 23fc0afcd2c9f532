using Socrates.Core.Failpoints;
using Socrates.Core.Search;
using Socrates.Testing.Metrics;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// After the production path's incremental updates, the index validates against the store.
/// Gate: <c>search.index_validation_failures</c> = 0. Canary: <see cref="SearchFailpoints.DropIndexUpdate"/>.
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class IndexValidationTests
{
    [Fact]
    public async Task IndexValidation_ProductionPathAfterIncrementalUpdates_NoFailures()
    {
        var run = await ProductionSearchRun.SharedAsync();
        var failures = run.Service.Index.Counters.ValidationFailures;

        var evidence = MetricsWriter.WriteEvidence("accuracy", "search-index-validation.json", new
        {
            report = run.Validation.ToString(),
            run.Validation.TotalIssues,
            countsByKind = run.Validation.CountsByKind.ToDictionary(p => p.Key.ToString(), p => p.Value),
            issues = run.Validation.Issues.Select(i => i.ToString()),
            run.IncrementalOperations,
            counters = new { run.Service.Index.Counters.ValidationFailures, run.Service.Index.Counters.FallbacksToPrevious, run.Service.Index.Counters.FallbacksToExact },
        });
        MetricsWriter.Write("accuracy", "search.index_validation_failures", failures, "count", evidence);

        Assert.True(failures == 0, run.Validation.ToString());
        Assert.True(run.Validation.IsValid, run.Validation.ToString());
    }

    [Fact]
    public async Task IndexValidation_DropUpdateCanary_FailureCountedAndSearchFallsBackToExact()
    {
        using var run = await ProductionSearchRunWithFailpointAsync(SearchFailpoints.DropIndexUpdate);

        Assert.False(run.Validation.IsValid);
        Assert.True(run.Service.Index.Counters.ValidationFailures > 0);
        Assert.True(run.Validation.CountsByKind.ContainsKey(IndexValidationIssueKind.MissingEntry));
        Assert.True(run.Service.Index.Current.IsExactFallback, "a failed validation must take the index out of service");
    }

    private static async Task<ProductionSearchRun> ProductionSearchRunWithFailpointAsync(string failpoint)
    {
        using (Failpoint.Enable(failpoint))
        {
            return await ProductionSearchRun.StartAsync(limit: 1500);
        }
    }
}
