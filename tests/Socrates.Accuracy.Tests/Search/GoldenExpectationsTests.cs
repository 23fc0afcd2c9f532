using Socrates.Core.Search.Golden;
using Socrates.Testing.Metrics;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// The committed expected.jsonl still describes the exact search of today's code. A change in
/// the embedder, the exact path or the fixtures shows here first. Regenerate only on purpose:
/// <c>SOCRATES_GOLDEN_REGENERATE=1</c> (or <c>socrates golden --regenerate</c>).
/// </summary>
[Trait("Category", "Accuracy")]
public sealed class GoldenExpectationsTests
{
    public const string RegenerateVariable = "SOCRATES_GOLDEN_REGENERATE";

    [Fact]
    public async Task Expectations_RecomputedExactly_MatchCommittedFile()
    {
        var golden = await GoldenData.GetAsync();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Assert.Equal(0, await GoldenRegenerator.RunAsync(golden.Dataset.Directory, regenerate: true, TextWriter.Null, CancellationToken.None));
            return;
        }

        var computed = golden.Dataset.ComputeExpectations(golden.Vectors);
        var diffs = golden.Expected.Differences(computed);
        var evidence = MetricsWriter.WriteEvidence("accuracy", "search-golden-diffs.json",
            new { embedderVersion = computed.EmbedderVersion, committedVersion = golden.Expected.EmbedderVersion, differences = diffs });
        MetricsWriter.Write("accuracy", "search.golden_expectation_diffs", diffs.Count, "queries", evidence);

        Assert.True(diffs.Count == 0,
            $"{diffs.Count} queries differ from {golden.Dataset.ExpectedPath} (first: {(diffs.Count > 0 ? diffs[0] : "")}). If the change is intended, regenerate with {RegenerateVariable}=1 and review the diff.");
    }
}
