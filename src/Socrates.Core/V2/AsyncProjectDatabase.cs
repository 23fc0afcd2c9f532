using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Events;
using Socrates.Core.V2.Faults;
using Socrates.Core.V2.Monitoring;
using Socrates.Core.V2.Pooling;
using Socrates.Core.V2.Schema;
using Socrates.Core.V2.Store;
using Socrates.Core.V2.Validation;

namespace Socrates.Core.V2;

/// <summary>
/// The V2 ("after") Socrates store: a normalised SQLite database behind an async API.
/// <para>Every public operation: validates its input before any SQL
/// (<see cref="ValidationException"/>); takes a connection from a bounded pool, waiting at most
/// <see cref="AsyncDatabaseOptions.PoolWaitTimeout"/> (<see cref="DatabaseOverloadedException"/>);
/// runs its synchronous ADO.NET work on the thread pool under one budget,
/// <see cref="AsyncDatabaseOptions.OperationTimeout"/>, that interrupts SQLite when it expires
/// (<see cref="DatabaseTimeoutException"/>) or when the caller cancels
/// (<see cref="OperationCanceledException"/>); writes in one <c>BEGIN IMMEDIATE</c> transaction,
/// all or nothing; and is recorded by <see cref="Monitor"/>. "Not found" is null or false.</para>
/// </summary>
public sealed partial class AsyncProjectDatabase : IAsyncDisposable, IDisposable
{
    private readonly AsyncDatabaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ConnectionPool _pool;
    private readonly InputValidator _validate;
    private readonly string _connectionString;
    private readonly OperationFaults _faults = new();
    private readonly IProjectStore _store;
    private int _disposed;

    private AsyncProjectDatabase(AsyncDatabaseOptions options, TimeProvider time, IProjectStore store)
    {
        _options = options;
        _time = time;
        _store = store;
        _validate = new InputValidator(options);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Clamp(Math.Ceiling(options.BusyTimeout.TotalSeconds), 1, int.MaxValue),
        }.ToString();
        _pool = new ConnectionPool(options.PoolSize, OpenConnection);
        Monitor = new OperationMonitor(options.SlowOperationThreshold, options.LatencySamplesPerOperation, options.SlowOperationsKept, time);
    }

    /// <summary>A committed save (project, user, note...): entity kind, key, new version for projects.</summary>
    public event EventHandler<DatabaseChangeEventArgs>? Saved;

    /// <summary>A committed delete.</summary>
    public event EventHandler<DatabaseChangeEventArgs>? Deleted;

    /// <summary>A failed operation (validation, conflict, timeout, overload, SQLite error).</summary>
    public event EventHandler<DatabaseFailureEventArgs>? Failed;

    /// <summary>Per-operation counts, errors and latency percentiles.</summary>
    public OperationMonitor Monitor { get; }

    /// <summary>The options this database was opened with.</summary>
    public AsyncDatabaseOptions Options => _options;

    /// <summary>Connections leased right now.</summary>
    public int ConnectionsInUse => _pool.InUse;

    /// <summary>The most connections ever leased at once.</summary>
    public int PeakConnectionsInUse => _pool.PeakInUse;

    /// <summary>
    /// Opens (creating if needed) the database at <see cref="AsyncDatabaseOptions.DatabasePath"/>:
    /// validates the options, switches to WAL, creates the schema idempotently and checks its version.
    /// </summary>
    public static async Task<AsyncProjectDatabase> OpenAsync(AsyncDatabaseOptions options, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        AsyncDatabaseOptionsValidator.ThrowIfInvalid(options);
        // The canaries of project loads and saves, composed once over the plain SQL: a decorator
        // whose every call costs one field read while its failpoints are off.
        var database = new AsyncProjectDatabase(options, time ?? TimeProvider.System, new ProjectStoreFaults(ProjectStore.Instance));
        try
        {
            await database.RunAsync<bool>(null, (c, _) =>
            {
                SchemaManager.EnsureCreated(c.Connection, database._time.GetUtcNow().UtcDateTime);
                return true;
            }, cancellationToken, operation: nameof(OpenAsync)).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _pool.Dispose();
            _faults.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, (int)_options.BusyTimeout.TotalMilliseconds);
            using var command = connection.CreateCommand();
            command.CommandText = _options.Synchronous == SynchronousMode.Full
                ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
                : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The one path every public operation takes: validate, lease, run off-thread under the
    /// timeout, translate errors, record in the monitor, raise <see cref="Failed"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(
        string? key,
        Func<PooledConnection, CancellationToken, T> work,
        CancellationToken cancellationToken,
        Action? validate = null,
        [CallerMemberName] string operation = "")
    {
        var started = _time.GetTimestamp();
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            validate?.Invoke();
            var result = await ExecuteAsync(operation, key, work, cancellationToken).ConfigureAwait(false);
            OperationFaults.Observer(Monitor)?.Record(operation, _time.GetElapsedTime(started), success: true, key);
            return result;
        }
        catch (Exception error)
        {
            OperationFaults.Observer(Monitor)?.Record(operation, _time.GetElapsedTime(started), success: false, key);
            Failed?.Invoke(this, new DatabaseFailureEventArgs(operation, key, error));
            throw;
        }
    }

    private async Task<T> ExecuteAsync<T>(string operation, string? key, Func<PooledConnection, CancellationToken, T> work, CancellationToken cancellationToken)
    {
        using var budget = new CancellationTokenSource(_options.OperationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var token = linked.Token;
        PooledConnection? connection = null;
        var broken = false;
        work = _faults.Around(operation, work);

        using var processReadLock = await OperationFaults.BeforeLeaseAsync(operation, token).ConfigureAwait(false);
        try
        {
            connection = await _pool.TryAcquireAsync(_options.PoolWaitTimeout, token).ConfigureAwait(false)
                ?? throw new DatabaseOverloadedException(operation, key, _pool.Size, _options.PoolWaitTimeout);
            await OperationFaults.AfterLeaseAsync(_time, token).ConfigureAwait(false);

            var lease = connection;
            using (token.Register(static c => ((PooledConnection)c!).Interrupt(), lease))
            {
                if (_options.Offloading == WorkOffloading.Auto && Thread.CurrentThread.IsThreadPoolThread)
                {
                    token.ThrowIfCancellationRequested();
                    return work(lease, token);
                }

                return await Task.Run(() => work(lease, token), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested && budget.IsCancellationRequested)
        {
            broken = true;
            throw new DatabaseTimeoutException(operation, key, _options.OperationTimeout, error);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            broken = true;
            cancellationToken.ThrowIfCancellationRequested();
            throw new DatabaseTimeoutException(operation, key, _options.OperationTimeout, error);
        }
        catch (SqliteException error)
        {
            broken = true;
            throw Translate(operation, key, error);
        }
        catch (Exception error) when (error is JsonException or FormatException or DictMappingException or InvalidCastException)
        {
            throw new DatabaseException(DatabaseErrorCode.CorruptData, operation, key, $"Stored data could not be read: {error.Message}", error);
        }
        catch (Exception error) when (error is not DatabaseException and not OperationCanceledException)
        {
            broken = true;
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                _pool.Release(connection, broken);
            }
        }
    }

    private static DatabaseException Translate(string operation, string? key, SqliteException error) => error.SqliteErrorCode switch
    {
        SQLitePCL.raw.SQLITE_CONSTRAINT => new ConstraintViolationException(operation, key, error.Message, error.SqliteExtendedErrorCode, error),
        SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED => new DatabaseException(DatabaseErrorCode.Busy, operation, key, error.Message, error) { SqliteErrorCode = error.SqliteErrorCode },
        _ => new DatabaseException(DatabaseErrorCode.Sqlite, operation, key, error.Message, error) { SqliteErrorCode = error.SqliteErrorCode },
    };

#pragma warning disable CA1068 // the work lambda reads best last at every call site
    private static T InWriteTransaction<T>(PooledConnection connection, CancellationToken token, Func<SqliteTransaction, T> work) =>
        Transactions.Write(connection, token, work);

    private static T InReadTransaction<T>(PooledConnection connection, CancellationToken token, Func<SqliteTransaction, T> work) =>
        Transactions.Read(connection, token, work);
#pragma warning restore CA1068

    private void OnSaved(string operation, string entity, string key, long? version = null) =>
        Notify(Saved, operation, entity, key, version);

    private void OnDeleted(string operation, string entity, string key) =>
        Notify(Deleted, operation, entity, key, null);

    private void Notify(EventHandler<DatabaseChangeEventArgs>? handler, string operation, string entity, string key, long? version)
    {
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, new DatabaseChangeEventArgs(operation, entity, key, version));
        }
        catch (Exception error)
        {
            throw new DatabaseException(DatabaseErrorCode.ObserverFailed, operation, key,
                $"The change was committed, but an event observer threw: {error.Message}", error);
        }
    }
}
