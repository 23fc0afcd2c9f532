using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Rejects;

namespace Socrates.Core.Migration.Accounting;

/// <summary>
/// Balances the migration's books: for every source table, source rows = migrated + rejected.
/// The counts must come from the data (source table, target rows, <c>migration_rejects</c>), not
/// from the migrator's own counters, or a migrator that loses rows would also miscount them.
/// </summary>
public static class MigrationAccounting
{
    public static AccountingReport Compute(IEnumerable<TableAccount> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new AccountingReport([.. tables.OrderBy(t => t.SourceTable, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Counts one table from the databases: source rows from <paramref name="sourceTable"/>,
    /// migrated rows by <paramref name="countMigrated"/> on the target (e.g. distinct source ids
    /// landed in the target table), rejects from <c>migration_rejects</c>.
    /// </summary>
    public static async Task<TableAccount> CountAsync(
        SqliteConnection source,
        SqliteConnection target,
        string sourceTable,
        Func<SqliteConnection, CancellationToken, Task<long>> countMigrated,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(countMigrated);
        var sourceRows = await source.CountRowsAsync(sourceTable, cancellationToken).ConfigureAwait(false);
        var migrated = await countMigrated(target, cancellationToken).ConfigureAwait(false);
        var rejects = await RejectLog.CountBySourceTableAsync(target, cancellationToken).ConfigureAwait(false);
        return new TableAccount(sourceTable, sourceRows, migrated, rejects.GetValueOrDefault(sourceTable));
    }
}
