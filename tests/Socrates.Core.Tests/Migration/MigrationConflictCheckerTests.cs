using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Conflicts;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Steps;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class MigrationConflictCheckerTests
{
    private static CodeMigrationStep Step(int version, MigrationFootprint footprint) =>
        new(version, $"step {version}", $"v{version}", footprint, (_, _, _) => Task.CompletedTask);

    [Fact]
    public void Check_ProjectCatalog_NoConflicts()
    {
        Assert.Empty(MigrationConflictChecker.Check(MigrationCatalog.Project.Steps));
    }

    [Fact]
    public void Check_TwoStepsAlterSameColumnUnordered_ConcurrentAlter()
    {
        var conflicts = MigrationConflictChecker.Check([
            Step(1, MigrationFootprint.Of(alters: [SchemaObject.ForColumn("projects", "phase")])),
            Step(2, MigrationFootprint.Of(alters: [SchemaObject.ForTable("projects")])),
        ]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(MigrationConflictKind.ConcurrentAlter, conflict.Kind);
        Assert.Equal([1, 2], conflict.Steps);
        Assert.Equal("projects", conflict.Table);
        Assert.Equal("phase", conflict.Column);
    }

    [Fact]
    public void Check_AlterOrderDeclaredThroughChain_NoConflict()
    {
        var conflicts = MigrationConflictChecker.Check([
            Step(1, MigrationFootprint.Of(alters: [SchemaObject.ForColumn("projects", "phase")])),
            Step(2, MigrationFootprint.Of(after: [1])),
            Step(3, MigrationFootprint.Of(alters: [SchemaObject.ForColumn("projects", "phase")], after: [2])),
        ]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Check_DifferentColumnsOfOneTable_NoConflict()
    {
        var conflicts = MigrationConflictChecker.Check([
            Step(1, MigrationFootprint.Of(alters: [SchemaObject.ForColumn("projects", "phase")])),
            Step(2, MigrationFootprint.Of(alters: [SchemaObject.ForColumn("projects", "name")])),
        ]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Check_ReadsWhatEarlierStepDropped_DependsOnDropped()
    {
        var conflicts = MigrationConflictChecker.Check([
            Step(1, MigrationFootprint.Of(drops: [SchemaObject.ForTable("legacy")])),
            Step(2, MigrationFootprint.Of(reads: [SchemaObject.ForColumn("legacy", "data")])),
        ]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(MigrationConflictKind.DependsOnDropped, conflict.Kind);
        Assert.Equal("legacy", conflict.Table);
        Assert.Equal("data", conflict.Column);
    }

    [Fact]
    public void Check_DroppedThenRecreatedBeforeUse_NoConflict()
    {
        var conflicts = MigrationConflictChecker.Check([
            Step(1, MigrationFootprint.Of(drops: [SchemaObject.ForTable("t")])),
            Step(2, MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")])),
            Step(3, MigrationFootprint.Of(reads: [SchemaObject.ForTable("t")])),
        ]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Check_CreateTwice_DuplicateCreate()
    {
        var conflicts = MigrationConflictChecker.Check([
            SqlMigrationStep.FromSqlOnly(1, "a", "CREATE TABLE t (id INTEGER);"),
            SqlMigrationStep.FromSqlOnly(2, "b", "ALTER TABLE t ADD COLUMN id INTEGER;"),
        ]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal(MigrationConflictKind.DuplicateCreate, conflict.Kind);
        Assert.Equal("id", conflict.Column);
    }

    [Fact]
    public void Load_KnownBadFixture_CheckerFlagsIt()
    {
        var path = Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "migrations", "conflicting-steps.json");

        var steps = MigrationStepFile.Load(path);
        var conflicts = MigrationConflictChecker.Check(steps);

        Assert.Equal(2, steps.Count);
        Assert.Contains(conflicts, c => c.Kind == MigrationConflictKind.DependsOnDropped && c.Column == "legacy_owner");
        Assert.Contains(conflicts, c => c.Kind == MigrationConflictKind.DuplicateCreate && c.Table == "projects" && c.Column is null);
        Assert.Equal(2, conflicts.Count);
    }

    [Fact]
    public void Load_NotAStepFile_InvalidStepDefinition()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "gates": [] }""");
            var error = Assert.Throws<MigrationException>(() => MigrationStepFile.Load(path));
            Assert.Equal(MigrationErrorCode.InvalidStepDefinition, error.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
