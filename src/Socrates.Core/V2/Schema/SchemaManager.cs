using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Values;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Faults;

namespace Socrates.Core.V2.Schema;

/// <summary>
/// Creates the V2 schema once per database, idempotently (every statement is IF NOT EXISTS, the
/// whole script runs in one immediate transaction, so two processes opening the same new file
/// cannot interleave), switches the file to WAL and records <see cref="SchemaSql.Version"/>.
/// A file whose recorded version is newer than this code is refused.
/// </summary>
internal static class SchemaManager
{
    public static void EnsureCreated(SqliteConnection connection, DateTime now)
    {
        using (var wal = connection.CreateCommand())
        {
            var usesWal = SchemaFaults.UsesWal;
            wal.CommandText = usesWal ? "PRAGMA journal_mode = WAL;" : "PRAGMA journal_mode = DELETE;";
            var mode = wal.ExecuteScalar() as string;
            if (usesWal && !string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new DatabaseException(DatabaseErrorCode.SchemaMismatch, "OpenAsync", connection.DataSource,
                    $"SQLite refused WAL journal mode (got '{mode}').");
            }
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = SchemaSql.Create;
            create.ExecuteNonQuery();
        }

        using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction;
            version.CommandText = "SELECT MAX(version) FROM schema_version;";
            var stored = version.ExecuteScalar();
            if (stored is long current && current > SchemaSql.Version)
            {
                throw new DatabaseException(DatabaseErrorCode.SchemaMismatch, "OpenAsync", connection.DataSource,
                    $"The database has schema version {current}; this code knows up to {SchemaSql.Version}.");
            }
        }

        using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT OR IGNORE INTO schema_version (version, applied_at) VALUES ($version, $at);";
            record.Parameters.AddWithValue("$version", SchemaSql.Version);
            record.Parameters.AddWithValue("$at", PyDateTime.ToStorage(PyDateTime.Normalize(now)));
            record.ExecuteNonQuery();
        }

        transaction.Commit();

        SchemaFaults.AfterCreate(connection);
    }

    /// <summary>The schema version recorded in the file (0 when none).</summary>
    public static long ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return (long)command.ExecuteScalar()!;
    }
}
