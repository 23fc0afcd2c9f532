using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Notices a source that another program writes while it is migrated. One read-only connection
/// stays open for the whole run; SQLite's <c>PRAGMA data_version</c> on it changes exactly when
/// another connection (of any process) commits to the file. A copy made from a moving source
/// cannot balance its books, and a rerun would not converge, so the run is stopped with advice.
/// </summary>
internal sealed class SourceWatch : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly long _initial;

    private SourceWatch(SqliteConnection connection, long initial)
    {
        _connection = connection;
        _initial = initial;
    }

    /// <summary>Prefix of the run error that marks a target as built from a source that changed.</summary>
    public const string ErrorPrefix = "source changed during the migration";

    public static async Task<SourceWatch> StartAsync(string sourcePath, CancellationToken cancellationToken)
    {
        var connection = await MigrationConnections.OpenSourceAsync(sourcePath, cancellationToken).ConfigureAwait(false);
        try
        {
            return new SourceWatch(connection, await VersionAsync(connection, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<bool> ChangedAsync(CancellationToken cancellationToken) =>
        await VersionAsync(_connection, cancellationToken).ConfigureAwait(false) != _initial;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static async Task<long> VersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
