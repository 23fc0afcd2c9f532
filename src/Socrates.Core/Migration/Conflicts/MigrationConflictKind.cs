namespace Socrates.Core.Migration.Conflicts;

/// <summary>The kinds of conflict between migration steps.</summary>
public enum MigrationConflictKind
{
    /// <summary>Two steps alter the same table or column and neither is declared to come after the other.</summary>
    ConcurrentAlter,

    /// <summary>A step reads, alters or drops a table or column that an earlier step dropped (and nothing recreated).</summary>
    DependsOnDropped,

    /// <summary>A step creates a table, column or index another step already created (and nothing dropped in between).</summary>
    DuplicateCreate,
}
