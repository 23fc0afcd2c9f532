using System.Text.Json;
using Socrates.Evidence;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Packaging;

/// <summary>
/// The engine knows nothing of Socrates: the sample under <c>samples/CheckoutTotals</c>, a project
/// with its own gates file and two metrics, runs its documented pipeline (<c>run-gates.sh</c>)
/// against the packed and installed tool and gets a verdict and a report.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PackedToolSampleTests(PackedTool tool) : IClassFixture<PackedTool>
{
    private static readonly string s_script = Path.Combine(RepositoryRoot.Current, "samples", "CheckoutTotals", "run-gates.sh");

    [Fact]
    public async Task RunGates_CleanSample_GoWithBothCanariesVerified()
    {
        var artifacts = tool.TempFolder("clean");

        var run = await RunPipelineAsync(artifacts, failpoints: null);

        Assert.True(run.ExitCode == 0, run.Printed);
        Assert.Contains("Verdict (ci): GO", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 gates proven sensitive in this run", run.Output, StringComparison.Ordinal);
        using var report = ReadReport(artifacts);
        Assert.Equal("GO", report.RootElement.GetProperty("verdict").GetString());
        Assert.All(Gates(report), gate => Assert.Equal("verified", gate.GetProperty("canary").GetProperty("status").GetString()));
        Assert.True(File.Exists(Path.Combine(artifacts, "gates", "gate-report.html")));
        Assert.True(File.Exists(Path.Combine(artifacts, "gates", "junit.xml")));
    }

    [Fact]
    public async Task RunGates_DefectOnForTheWholeRun_NoGoOnItsGate()
    {
        var artifacts = tool.TempFolder("defect");

        var run = await RunPipelineAsync(artifacts, failpoints: "checkout.cache-off");

        Assert.True(run.ExitCode == 1, run.Printed);
        Assert.Contains("NO-GO", run.Output, StringComparison.Ordinal);
        using var report = ReadReport(artifacts);
        var red = Gates(report).Where(g => g.GetProperty("status").GetString() == "fail").Select(g => g.GetProperty("id").GetString());
        Assert.Equal(["checkout-price-cache-hit-rate"], red);
    }

    private Task<ChildProcess> RunPipelineAsync(string artifacts, string? failpoints) =>
        ChildProcess.RunAsync(
            "bash",
            [s_script, artifacts],
            RepositoryRoot.Current,
            new Dictionary<string, string?> { ["SOCRATES_GATES"] = tool.Command, ["CHECKOUT_FAILPOINTS"] = failpoints });

    private static JsonDocument ReadReport(string artifacts) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "gates", "gate-report.json")));

    private static JsonElement.ArrayEnumerator Gates(JsonDocument report) =>
        report.RootElement.GetProperty("gates").EnumerateArray();
}
