using Socrates.Testing.Metrics;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Every metric measured on the user's database in a rehearsal has that test as its only writer,
/// so no figure from generated data can take its place (<see cref="SeamMetricWriters"/>).
/// </summary>
[Trait("Category", "Integrity")]
public sealed class SeamMetricWritersTests
{
    [Fact]
    public void Clashes_EveryTestFile_SeamMetricsHaveOneWriter()
    {
        var root = Path.Combine(ArtifactPaths.RepositoryRoot, "tests");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(ArtifactPaths.RepositoryRoot, f), File.ReadAllText(f)))
            .ToList();
        var seamFiles = files.Count(f => f.Item2.Contains("RehearsalDatabase.CopyConfiguredTo", StringComparison.Ordinal));

        var clashes = SeamMetricWriters.Clashes(files);

        Assert.True(seamFiles >= 3, $"only {seamFiles} test files take their V1 database through the seam under {root}");
        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Fact]
    public void Clashes_GeneratedTestWritesSeamMetric_Reported()
    {
        // Fixtures outside tests/ (and not *.cs), so the scan of the real test files never sees them.
        var folder = Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "canaries", "seam-metric-clash");
        var files = new List<(string, string)>();
        foreach (var name in (string[])["Seam.cs.txt", "Generated.cs.txt"])
        {
            files.Add((name, File.ReadAllText(Path.Combine(folder, name))));
        }

        var clashes = SeamMetricWriters.Clashes(files);

        Assert.Equal(["migration.backup_verified: written by Generated.cs.txt, Seam.cs.txt"], clashes);
    }
}
