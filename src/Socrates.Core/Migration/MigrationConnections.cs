using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration;

/// <summary>
/// Opens the migration's connections the way it needs them: the source read-only (the migration
/// never writes it), the target with foreign keys enforced and a bounded lock wait. Pooling is
/// off so no handle outlives the migration (files are copied, checked and deleted around it).
/// </summary>
public static class MigrationConnections
{
    public static async Task<SqliteConnection> OpenSourceAsync(string path, CancellationToken cancellationToken, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = Seconds(busyTimeout ?? TimeSpan.FromSeconds(5)),
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// Opens (creating if needed) a target; a lock held by another connection is waited for at most
    /// <paramref name="busyTimeout"/> (whole seconds, at least one), then the command fails with SQLITE_BUSY.
    /// </summary>
    public static async Task<SqliteConnection> OpenTargetAsync(string path, TimeSpan busyTimeout, CancellationToken cancellationToken, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = Seconds(busyTimeout),
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static int Seconds(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(timeout));
        return Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
    }
}
