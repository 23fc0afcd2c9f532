using Socrates.Evidence;

namespace Socrates.Gates.Tests.Evidence;

[Trait("Category", "Unit")]
public sealed class RepositoryRootTests
{
    [Fact]
    public void Current_FromTheTestBinaries_HoldsTheSolutionAndGates()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Current, RepositoryRoot.Marker)));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Current, "gates.json")));
    }

    [Fact]
    public void Find_StartOutsideAnyRepository_ThrowsNamingTheStart()
    {
        var start = Path.GetPathRoot(Path.GetTempPath())!;

        var error = Assert.Throws<DirectoryNotFoundException>(() => RepositoryRoot.Find(start));

        Assert.Contains(start, error.Message, StringComparison.Ordinal);
        Assert.Null(RepositoryRoot.TryFind(start));
    }
}
