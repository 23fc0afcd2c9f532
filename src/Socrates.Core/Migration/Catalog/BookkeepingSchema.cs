using Socrates.Core.Migration.Runner;

namespace Socrates.Core.Migration.Catalog;

/// <summary>The DDL of the migration's own tables: runs, rejects, per-table progress.</summary>
public static class BookkeepingSchema
{
    public const string MigrationRunsSql = """
        CREATE TABLE IF NOT EXISTS migration_runs (
            run_id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
            source_path TEXT,
            backup_path TEXT,
            error TEXT
        );
        """;

    public const string MigrationRejectsSql = """
        CREATE TABLE IF NOT EXISTS migration_rejects (
            reject_id INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES migration_runs (run_id),
            source_table TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            field TEXT,
            reason TEXT NOT NULL,
            raw_excerpt TEXT,
            recorded_at TEXT NOT NULL,
            UNIQUE (source_table, entity_id)
        );
        """;

    // last_key has no declared type on purpose: no affinity, so a TEXT key '10' stays TEXT and an
    // INTEGER key stays INTEGER, and "key > last_key" compares as the source's ORDER BY does.
    public const string MigrationProgressSql = """
        CREATE TABLE IF NOT EXISTS migration_progress (
            job TEXT PRIMARY KEY,
            source_table TEXT NOT NULL,
            last_key,
            rows_read INTEGER NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
            rows_migrated INTEGER NOT NULL DEFAULT 0 CHECK (rows_migrated >= 0),
            rows_rejected INTEGER NOT NULL DEFAULT 0 CHECK (rows_rejected >= 0),
            batches INTEGER NOT NULL DEFAULT 0,
            completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
            run_id TEXT,
            updated_at TEXT NOT NULL
        );
        """;

    /// <summary>Every bookkeeping statement, for tests and tools that need the tables without the runner.</summary>
    public static IReadOnlyList<string> AllSql { get; } = [SchemaHistory.CreateSql, MigrationRunsSql, MigrationRejectsSql, MigrationProgressSql];
}
