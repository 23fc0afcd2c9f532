namespace Socrates.Testing.Integrity;

/// <summary>What was generated: rows per V1 table and the injected defects (table, id, kind).</summary>
public sealed record V1GenerationResult(string Path, IReadOnlyDictionary<string, long> RowsPerTable, IReadOnlyList<(string Table, string Id, V1DefectKind Kind)> Defects)
{
    public long TotalRows => RowsPerTable.Values.Sum();
}
