using Socrates.BenchmarkAnalysis.Output;
using Socrates.Evidence;

namespace Socrates.BenchmarkAnalysis.Tests.Output;

[Trait("Category", "Unit")]
public sealed class DisplayPathTests
{
    [Fact]
    public void Of_FileInTheRepository_RelativeToItsRoot()
    {
        var path = Path.Combine(RepositoryRoot.Current, "fixtures", "baselines", "quick.json");

        Assert.Equal("fixtures/baselines/quick.json", DisplayPath.Of(path));
    }

    [Fact]
    public void Of_FileOutsideTheRepository_NameOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), "elsewhere", "quick.json");

        Assert.Equal("quick.json", DisplayPath.Of(path));
    }
}
