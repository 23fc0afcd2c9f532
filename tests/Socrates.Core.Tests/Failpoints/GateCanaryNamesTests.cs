using System.Text.Json;
using Socrates.Core.Failpoints;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Failpoints;

/// <summary>
/// A canary whose failpoint name is misspelt in gates.json would make the canary run fail to
/// start (the core rejects unknown names) or, worse, inject nothing: every name must exist.
/// </summary>
[Trait("Category", "Unit")]
public sealed class GateCanaryNamesTests
{
    [Fact]
    public void GatesJson_EveryCanaryFailpoint_IsDeclared()
    {
        using var gates = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArtifactPaths.RepositoryRoot, "gates.json")));
        var harnessSource = string.Join('\n', Directory
            .EnumerateFiles(Path.Combine(ArtifactPaths.RepositoryRoot, "benchmarks", "Socrates.Benchmarks"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        var names = gates.RootElement.GetProperty("gates").EnumerateArray()
            .Select(g => g.TryGetProperty("canary", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("failpoint", out var f) ? f.GetString() : null)
            .OfType<string>()
            .SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(names);
        var unknown = names
            .Where(n => !Failpoint.KnownNames.Contains(n, StringComparer.Ordinal) && !harnessSource.Contains($"\"{n}\"", StringComparison.Ordinal))
            .ToList();
        Assert.True(unknown.Count == 0, $"gates.json names failpoints no catalog declares: {string.Join(", ", unknown)}");
    }
}
