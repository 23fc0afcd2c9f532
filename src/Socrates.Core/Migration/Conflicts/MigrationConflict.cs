namespace Socrates.Core.Migration.Conflicts;

/// <summary>One conflict: its kind, the steps involved (earlier first), and what they collide on.</summary>
public sealed record MigrationConflict(MigrationConflictKind Kind, IReadOnlyList<int> Steps, string Table, string? Column, string Explanation)
{
    public override string ToString() => $"{Kind} between steps {string.Join(", ", Steps)} on {Table}{(Column is null ? string.Empty : "." + Column)}: {Explanation}";
}
