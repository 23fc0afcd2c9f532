namespace Socrates.Core.Migration.Accounting;

/// <summary>The migration's books for every table, and the tables whose books do not balance.</summary>
public sealed record AccountingReport(IReadOnlyList<TableAccount> Tables)
{
    /// <summary>True iff migrated + rejected == source for every table.</summary>
    public bool Holds => Tables.All(t => t.Holds);

    public IReadOnlyList<TableAccount> Mismatches => [.. Tables.Where(t => !t.Holds)];

    public long TotalSource => Tables.Sum(t => t.SourceRows);

    public long TotalMigrated => Tables.Sum(t => t.Migrated);

    public long TotalRejected => Tables.Sum(t => t.Rejected);

    public string Describe() => Holds
        ? $"accounting holds for {Tables.Count} table(s): {TotalSource} source = {TotalMigrated} migrated + {TotalRejected} rejected"
        : "accounting does not hold: " + string.Join("; ", Mismatches.Select(m =>
            $"{m.SourceTable}: {m.SourceRows} source != {m.Migrated} migrated + {m.Rejected} rejected ({m.Unaccounted:+#;-#;0} unaccounted)"));
}
