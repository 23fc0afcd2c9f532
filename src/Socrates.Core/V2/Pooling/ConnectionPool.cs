using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Socrates.Core.V2.Faults;

namespace Socrates.Core.V2.Pooling;

/// <summary>
/// A fixed number of open connections guarded by a semaphore: at most <see cref="Size"/> leases
/// exist at once, a caller waits for a free one up to a bound and is then refused (the caller
/// gets backpressure, the database never gets more concurrency than it was sized for).
/// Connections that failed mid-operation are disposed, not returned.
/// </summary>
internal sealed class ConnectionPool : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PooledConnection> _idle = [];
    private readonly Func<SqliteConnection> _open;
    private int _inUse;
    private int _peak;
    private int _disposed;

    public ConnectionPool(int size, Func<SqliteConnection> open)
    {
        Size = size;
        _open = open;
        _slots = new SemaphoreSlim(size, size);
    }

    public int Size { get; }

    public int InUse => Volatile.Read(ref _inUse);

    public int PeakInUse => Volatile.Read(ref _peak);

    /// <summary>
    /// A connection, or null when none became free within <paramref name="wait"/>. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires first.
    /// </summary>
    public async ValueTask<PooledConnection?> TryAcquireAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var holdsSlot = PoolFaults.Bounded;
        if (holdsSlot && !await _slots.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            return PoolFaults.Exhausted(Size, wait);
        }

        var inUse = Interlocked.Increment(ref _inUse);
        UpdatePeak(inUse);
        try
        {
            if (_idle.TryTake(out var connection))
            {
                connection.HoldsSlot = holdsSlot;
                return connection;
            }

            return new PooledConnection(_open(), holdsSlot);
        }
        catch
        {
            Release(null, broken: true, holdsSlot);
            throw;
        }
    }

    /// <summary>Returns a lease; a <paramref name="broken"/> connection is closed instead of reused.</summary>
    public void Release(PooledConnection connection, bool broken) => Release(connection, broken, connection.HoldsSlot);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
    }

    private void Release(PooledConnection? connection, bool broken, bool holdsSlot)
    {
        if (connection is not null)
        {
            if (broken || Volatile.Read(ref _disposed) != 0 || !holdsSlot)
            {
                connection.Dispose();
            }
            else
            {
                _idle.Add(connection);
            }
        }

        Interlocked.Decrement(ref _inUse);
        if (holdsSlot && Volatile.Read(ref _disposed) == 0)
        {
            _slots.Release();
        }
    }

    private void UpdatePeak(int inUse)
    {
        var peak = Volatile.Read(ref _peak);
        while (inUse > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, inUse, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }
}
