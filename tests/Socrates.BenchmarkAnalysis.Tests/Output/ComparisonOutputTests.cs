using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Evaluation;
using Socrates.BenchmarkAnalysis.Output;
using static Socrates.BenchmarkAnalysis.Tests.SyntheticRuns;

namespace Socrates.BenchmarkAnalysis.Tests.Output;

[Trait("Category", "Unit")]
public sealed class ComparisonOutputTests
{
    private static readonly BenchmarkSelector s_before = Select("Load", "Before");
    private static readonly BenchmarkSelector s_after = Select("Load", "After");

    [Fact]
    public void Html_ComparisonsWithSamplesAndAnError_SelfContainedWithOneSvgPerChart()
    {
        var report = Report(
            Run(Result("Load", "Before", Samples(1, 50_000, 0.1), 4096), Result("Load", "After", Samples(2, 1_000, 0.1), 1024)),
            Speedup("bench.load.speedup", s_before, s_after),
            Ratio("bench.load.alloc", s_before, s_after, ComparisonMeasure.Allocated),
            Speedup("bench.load.missing", s_before, Select("Load", "Gone")));

        var html = ComparisonHtmlWriter.Render(report);

        Assert.StartsWith("<section class=\"benchmark-comparisons\">", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "<svg "));
        Assert.Contains("log scale", html, StringComparison.Ordinal);
        Assert.Contains("<strong>missing</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_OkAndErrorRows_ShowGatedValueIntervalAndReason()
    {
        var report = Report(
            Run(Result("Load", "Before", Samples(3, 10_000, 0.05)), Result("Load", "After", Samples(4, 1_000, 0.05))),
            Speedup("bench.load.speedup", s_before, s_after),
            Speedup("bench.load.missing", s_before, Select("Load", "Gone")));

        var markdown = ComparisonMarkdownWriter.Render(report);

        Assert.Contains("| `bench.load.speedup` | speedup (time) | **", markdown, StringComparison.Ordinal);
        Assert.Contains("at 99 %", markdown, StringComparison.Ordinal);
        Assert.Contains("| `bench.load.missing` | speedup | **missing** |", markdown, StringComparison.Ordinal);
        Assert.Contains("no benchmark result matches Load.Gone", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_SerializesEveryStatistic()
    {
        var report = Report(
            Run(Result("Load", "Before", Samples(5, 10_000, 0.05)), Result("Load", "After", Samples(6, 1_000, 0.05))),
            Speedup("bench.load.speedup", s_before, s_after));

        var json = ComparisonEvidenceWriter.Serialize(report);

        foreach (var field in new[] { "\"value\"", "\"estimate\"", "\"lower\"", "\"upper\"", "\"pValue\"", "\"confidence\"", "\"relativeNoiseFloor\"", "\"absoluteNoiseFloorNs\"", "\"samples\"", "\"withinNoiseFloor\"" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
    }

    private static ComparisonReport Report(Socrates.BenchmarkAnalysis.Results.BenchmarkRunResults run, params ComparisonDefinition[] comparisons) =>
        new("comparisons.json", "results", null, null, run.Host, "ci", DateTimeOffset.UnixEpoch, run.Errors, BenchmarkComparer.Compare(File(null, comparisons), run, null, "no baseline"));

    private static int CountOf(string text, string fragment)
    {
        var count = 0;
        for (var i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
