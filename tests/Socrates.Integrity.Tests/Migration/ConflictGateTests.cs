using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Conflicts;
using Socrates.Testing.Metrics;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// The MIGRATION-CONFLICT gate: conflicts among the project's registered steps, plus those of the
/// known-bad fixture the pipeline names in <c>SOCRATES_CANARY_FIXTURE</c> during its canary run.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class ConflictGateTests(ITestOutputHelper output)
{
    public const string CanaryFixtureVariable = "SOCRATES_CANARY_FIXTURE";

    public static string KnownBadFixture => Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "migrations", "conflicting-steps.json");

    /// <summary>
    /// The project's conflicts, plus a step fixture's when one is named. Only fixtures under
    /// fixtures/migrations are step files; a canary fixture of another gate is not this gate's.
    /// </summary>
    public static IReadOnlyList<MigrationConflict> Conflicts(string? fixture)
    {
        var conflicts = MigrationConflictChecker.Check(MigrationCatalog.Project.Steps).ToList();
        if (IsStepFixture(fixture))
        {
            conflicts.AddRange(MigrationConflictChecker.Check(MigrationStepFile.Load(fixture!)));
        }

        return conflicts;
    }

    public static bool IsStepFixture(string? fixture) =>
        !string.IsNullOrWhiteSpace(fixture)
        && Path.GetFullPath(fixture).StartsWith(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "migrations") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [Fact]
    public void Conflicts_ProjectCatalog_MetricIsZero()
    {
        var fixture = Environment.GetEnvironmentVariable(CanaryFixtureVariable);
        var conflicts = Conflicts(fixture);
        foreach (var conflict in conflicts)
        {
            output.WriteLine(conflict.ToString());
        }

        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-conflicts.json", new
        {
            steps = MigrationCatalog.Project.Steps.Select(s => new { s.Version, s.Description, s.Checksum, footprint = s.Footprint.Describe() }),
            canaryFixture = IsStepFixture(fixture) ? fixture : null,
            conflicts = conflicts.Select(c => new { kind = c.Kind.ToString(), c.Steps, c.Table, c.Column, c.Explanation }),
        });
        MetricsWriter.Write("integrity", "migration.conflicts", conflicts.Count, "count", evidence);
        Assert.True(conflicts.Count == 0, string.Join(Environment.NewLine, conflicts));
    }

    [Fact]
    public void Conflicts_KnownBadFixtureNamed_MetricGoesRed()
    {
        Assert.True(File.Exists(KnownBadFixture), KnownBadFixture);
        Assert.True(IsStepFixture(KnownBadFixture));

        var conflicts = Conflicts(KnownBadFixture);

        Assert.Contains(conflicts, c => c.Kind == MigrationConflictKind.DependsOnDropped && c.Table == "projects" && c.Column == "legacy_owner");
        Assert.Contains(conflicts, c => c.Kind == MigrationConflictKind.DuplicateCreate && c.Table == "projects");
    }

    [Fact]
    public void IsStepFixture_FixtureOfAnotherGate_NotLoaded()
    {
        Assert.False(IsStepFixture(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "pickles", "bad.pkl")));
        Assert.False(IsStepFixture(null));
    }
}
