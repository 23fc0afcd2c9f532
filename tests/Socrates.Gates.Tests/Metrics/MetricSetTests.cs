using Socrates.Gates.Metrics;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Metrics;

[Trait("Category", "Unit")]
public sealed class MetricSetTests
{
    private static readonly DateTimeOffset s_early = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_late = s_early.AddHours(1);

    [Fact]
    public void Add_DuplicateLaterFirst_LaterWinsAndNoted()
    {
        var set = new MetricSet([
            TestGates.Sample("m", 2, s_late, "metrics/late.json"),
            TestGates.Sample("m", 1, s_early, "metrics/early.json"),
        ]);

        Assert.Equal(2, set.Find("m")!.Value);
        var problem = Assert.Single(set.Problems);
        Assert.Equal("metrics/early.json", problem.Source);
        Assert.Contains("using metrics/late.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_DuplicateLaterSecond_LaterWins()
    {
        var set = new MetricSet([
            TestGates.Sample("m", 1, s_early, "metrics/early.json"),
            TestGates.Sample("m", 2, s_late, "metrics/late.json"),
        ]);

        Assert.Equal(2, set.Find("m")!.Value);
        Assert.Single(set.Problems);
    }

    [Fact]
    public void Add_UndatedAgainstDated_DatedWins()
    {
        var set = new MetricSet([
            TestGates.Sample("m", 1, s_early, "metrics/dated.json"),
            TestGates.Sample("m", 2, null, "metrics/undated.json"),
        ]);

        Assert.Equal(1, set.Find("m")!.Value);
    }

    [Fact]
    public void Find_Unknown_Null()
    {
        Assert.Null(new MetricSet([TestGates.Sample("a", 1)]).Find("b"));
    }

    [Fact]
    public void Read_DuplicateAcrossFiles_LaterWrittenAtWinsWhateverTheFileOrder()
    {
        using var temp = new TempArtifacts();
        // "a-..." sorts first but was written later.
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "a-rerun.json"), """{"name":"m","value":0.5,"writtenAt":"2026-02-01T00:00:00Z"}""");
        TempArtifacts.WriteFile(Path.Combine(temp.Root, "metrics", "b-first.json"), """{"name":"m","value":0.9,"writtenAt":"2026-01-01T00:00:00Z"}""");

        var snapshot = new Socrates.Gates.Artifacts.ArtifactReader().Read(temp.Root);

        Assert.Equal(0.5, snapshot.Metrics.Find("m")!.Value);
        Assert.Contains(snapshot.Problems, p => p.Message.Contains("also given by", StringComparison.Ordinal));
    }
}
