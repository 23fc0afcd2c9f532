using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Runner;
using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Migration.Catalog;

/// <summary>
/// The registry of the project's migration steps. <see cref="Project"/> is what the runner applies
/// and what the conflict gate judges. Steps 1-4 are the migration's own bookkeeping; step 5 is
/// the V2 schema (<see cref="V2SchemaStep"/>), registered in <see cref="CreateProject"/>.
/// </summary>
public sealed class MigrationCatalog
{
    private readonly List<IMigrationStep> _steps = [];

    private static readonly Lazy<MigrationCatalog> s_project = new(CreateProject);

    /// <summary>The project's registered steps, in version order.</summary>
    public static MigrationCatalog Project => s_project.Value;

    public IReadOnlyList<IMigrationStep> Steps => [.. _steps.OrderBy(s => s.Version)];

    /// <summary>The bookkeeping steps: schema_history, migration_runs, migration_rejects, migration_progress.</summary>
    public static IReadOnlyList<IMigrationStep> BookkeepingSteps { get; } =
    [
        new SqlMigrationStep(1, "schema_history: applied migration steps", SchemaHistory.CreateSql,
            MigrationFootprint.Of(creates: [SchemaObject.ForTable(SchemaHistory.TableName)])),
        new SqlMigrationStep(2, "migration_runs: one row per data migration run", BookkeepingSchema.MigrationRunsSql,
            MigrationFootprint.Of(creates: [SchemaObject.ForTable("migration_runs")])),
        new SqlMigrationStep(3, "migration_rejects: rows the data migration refused, with the reason", BookkeepingSchema.MigrationRejectsSql,
            MigrationFootprint.Of(
                creates: [SchemaObject.ForTable("migration_rejects")],
                reads: [SchemaObject.ForTable("migration_runs"), SchemaObject.ForColumn("migration_runs", "run_id")])),
        new SqlMigrationStep(4, "migration_progress: per-table high-water marks for resuming", BookkeepingSchema.MigrationProgressSql,
            MigrationFootprint.Of(creates: [SchemaObject.ForTable("migration_progress")])),
    ];

    /// <summary>Adds a step. Refuses a version already registered.</summary>
    /// <exception cref="MigrationValidationException">The version is taken.</exception>
    public MigrationCatalog Register(IMigrationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var taken = _steps.FirstOrDefault(s => s.Version == step.Version);
        if (taken is not null)
        {
            throw MigrationValidationException.Duplicate(step.Version, [taken.Description, step.Description]);
        }

        _steps.Add(step);
        return this;
    }

    /// <summary>A runner over these steps.</summary>
    public MigrationRunner CreateRunner(TimeProvider? timeProvider = null) => new(Steps, timeProvider);

    /// <summary>The project's catalog: bookkeeping first, then the V2 schema.</summary>
    public static MigrationCatalog CreateProject()
    {
        var catalog = new MigrationCatalog();
        foreach (var step in BookkeepingSteps)
        {
            catalog.Register(step);
        }

        catalog.Register(V2SchemaStep.Create());
        return catalog;
    }
}
