using System.Text.Json;
using Socrates.Benchmarks.Harness;
using Socrates.Core.Failpoints;
using Socrates.Testing;
using Socrates.Testing.Metrics;

namespace Socrates.Benchmarks.Tests.Failpoints;

/// <summary>
/// A canary whose failpoint name is misspelt in gates.json would make the canary run fail to
/// start (the core rejects unknown names) or, worse, inject nothing: every name must exist. This
/// project loads every owner of a catalog (the core, the test kit, the benchmark harness), so
/// every name a gate can name is declared here.
/// </summary>
[Trait("Category", "Unit")]
public sealed class GateCanaryNamesTests
{
    [Fact]
    public void GatesJson_EveryCanaryFailpoint_IsDeclared()
    {
        using var gates = JsonDocument.Parse(File.ReadAllText(Path.Combine(ArtifactPaths.RepositoryRoot, "gates.json")));
        var names = gates.RootElement.GetProperty("gates").EnumerateArray()
            .Select(g => g.TryGetProperty("canary", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("failpoint", out var f) ? f.GetString() : null)
            .OfType<string>()
            .SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(names);
        var unknown = names.Where(n => !Failpoint.KnownNames.Contains(n, StringComparer.Ordinal)).ToList();
        Assert.True(unknown.Count == 0, $"gates.json names failpoints no catalog declares: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void KnownNames_CatalogsOfOtherAssemblies_DeclaredWhereTheyAreUsed()
    {
        Assert.Contains(HarnessFailpoints.SelfTestDelay, Failpoint.KnownNames);
        Assert.Contains(TestKitFailpoints.CheckerBudgetSpent, Failpoint.KnownNames);
        Assert.Contains(CoreFailpoints.SelfTest, Failpoint.KnownNames);
    }
}
