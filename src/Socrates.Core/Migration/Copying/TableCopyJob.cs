namespace Socrates.Core.Migration.Copying;

/// <summary>
/// One table to copy: the source table, its key column (unique, non-null; rows are read in key
/// order after the high-water mark), the columns the mapper needs, and the mapper. The
/// <see cref="Name"/> identifies the job's progress row, so a later run resumes the same job.
/// </summary>
public sealed record TableCopyJob(string Name, string SourceTable, string KeyColumn, IReadOnlyList<string> SourceColumns, Func<SourceRow, RowMapping> Mapper)
{
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        SqliteMigrationExtensions.QuoteIdentifier(SourceTable);
        SqliteMigrationExtensions.QuoteIdentifier(KeyColumn);
        foreach (var column in SourceColumns)
        {
            SqliteMigrationExtensions.QuoteIdentifier(column);
        }

        ArgumentNullException.ThrowIfNull(Mapper);
    }
}
