using Microsoft.Data.Sqlite;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Rows that differ between two V2 files (e.g. after one migration run and after two): per table,
/// the rows of one file that the other lacks, both ways, plus any difference in repeated rows, over
/// every column. Compared: every V2 data table, <c>schema_history</c>, <c>schema_version</c> and the
/// content of <c>migration_rejects</c> (without its run id, time and serial key). Not compared:
/// <c>migration_runs</c> (a rerun is a new run) and <c>migration_progress</c> (its own bookkeeping).
/// </summary>
internal static class V2RowDiff
{
    private const string RejectColumns = "source_table, entity_id, field, reason, raw_excerpt";

    /// <summary>A stable copy of a V2 file (its WAL folded in), to compare a later state against.</summary>
    public static async Task<string> SnapshotFileAsync(string v2Path, string copyPath)
    {
        SqliteConnection.ClearAllPools();
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copyPath, Pooling = false }.ToString());
        await source.OpenAsync();
        await copy.OpenAsync();
        source.BackupDatabase(copy);
        return copyPath;
    }

    /// <summary>Differing rows per table (only tables with a difference are listed).</summary>
    public static async Task<Dictionary<string, long>> CompareAsync(string beforePath, string afterPath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = afterPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS before";
            attach.Parameters.AddWithValue("$path", beforePath);
            await attach.ExecuteNonQueryAsync();
        }

        var tables = (await TablesAsync(connection, "main")).Union(await TablesAsync(connection, "before")).Order(StringComparer.Ordinal).ToList();
        var diffs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var differing = await DiffAsync(connection, table);
            if (differing > 0)
            {
                diffs[table] = differing;
            }
        }

        return diffs;
    }

    private static async Task<long> DiffAsync(SqliteConnection connection, string table)
    {
        var quoted = Socrates.Core.Sql.SqlIdentifier.Quote(table);
        var columns = table == "migration_rejects" ? RejectColumns : "*";
        var inMain = await ExistsAsync(connection, "main", table);
        var inBefore = await ExistsAsync(connection, "before", table);
        if (!inMain || !inBefore)
        {
            return await ScalarAsync(connection, $"SELECT count(*) FROM {(inMain ? "main" : "before")}.{quoted}") + 1;
        }

        var missing = await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT {columns} FROM before.{quoted} EXCEPT SELECT {columns} FROM main.{quoted})");
        var extra = await ScalarAsync(connection, $"SELECT count(*) FROM (SELECT {columns} FROM main.{quoted} EXCEPT SELECT {columns} FROM before.{quoted})");
        // EXCEPT compares sets: repeated rows show up only in the counts.
        var repeatsBefore = await ScalarAsync(connection, $"SELECT (SELECT count(*) FROM before.{quoted}) - (SELECT count(*) FROM (SELECT DISTINCT {columns} FROM before.{quoted}))");
        var repeatsAfter = await ScalarAsync(connection, $"SELECT (SELECT count(*) FROM main.{quoted}) - (SELECT count(*) FROM (SELECT DISTINCT {columns} FROM main.{quoted}))");
        return missing + extra + Math.Abs(repeatsAfter - repeatsBefore);
    }

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, string schema)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM {schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT IN ('migration_runs', 'migration_progress')";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, string schema, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {schema}.sqlite_schema WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
