using Socrates.Core.Failpoints;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>Canaries of the V1 -> V2 migrator: each injects the defect its gate exists to catch.</summary>
[FailpointCatalog]
public static class V1ToV2Failpoints
{
    /// <summary>Projects are migrated without their conversation messages (rows_lost / fields_lost go up).</summary>
    public const string SkipMessages = "migration.skip-messages";

    /// <summary>A row whose mapping fails is skipped without a reject (accounting stops holding).</summary>
    public const string SwallowRowErrors = "migration.v1v2.swallow-row-errors";

    /// <summary>The field map forgets <c>conversation_history</c> (the unmapped-key scan must stop the run).</summary>
    public const string ForgetConversationHistory = "migration.v1v2.forget-field";

    /// <summary>
    /// A rerun forgets where the previous run got to (the copy marks of this migrator are cleared
    /// before copying), so it does not skip the rows already migrated and copies every table again:
    /// running twice no longer gives the same V2 (the <c>migration.v1v2.idempotence_diffs</c> gate).
    /// </summary>
    public const string DuplicateOnRerun = "migration.v1v2.duplicate-on-rerun";

    /// <summary>
    /// Each table is read, mapped and written as one batch (one transaction), the "faster" bulk load
    /// that holds a whole table in memory: what the migrator retains grows with the source (the
    /// <c>migration.memory_growth</c> gate).
    /// </summary>
    public const string WholeTableBatch = "migration.v1v2.whole-table-batch";
}
