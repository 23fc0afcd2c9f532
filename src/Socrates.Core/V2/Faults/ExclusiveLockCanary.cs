using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// Only used under <see cref="V2Failpoints.ReadsExclusiveLock"/>: one exclusive lock around every
/// operation's database work, reads included, instead of WAL snapshots that let readers run
/// beside the writer. Waiting writers go first (as with SQLite's busy handler, where the writer
/// that just committed retries at once while a waiting reader sleeps its back-off): while writes
/// keep coming, a reader waits for all of them, so readers starve under write load, the defect
/// the lock-contention gate exists to catch. Reads are the operations <see cref="ReadOperations"/>
/// names. The waits honour the operation's token. Off, <see cref="OperationFaults"/> leaves the work undecorated.
/// </summary>
internal sealed class ExclusiveLockCanary
{
    private readonly object _gate = new(); // Monitor.Wait/PulseAll need a monitor, not a System.Threading.Lock
    private bool _held;
    private int _waitingWriters;

    /// <summary><paramref name="work"/>, run while holding the exclusive lock.</summary>
    public Func<PooledConnection, CancellationToken, T> Around<T>(string operation, Func<PooledConnection, CancellationToken, T> work)
    {
        var writer = !ReadOperations.IsRead(operation);
        return (connection, token) =>
        {
            Acquire(writer, token);
            try
            {
                return work(connection, token);
            }
            finally
            {
                Release();
            }
        };
    }

    private void Acquire(bool writer, CancellationToken token)
    {
        using var wake = token.Register(PulseAll);
        lock (_gate)
        {
            if (writer)
            {
                _waitingWriters++;
            }

            try
            {
                while (_held || (!writer && _waitingWriters > 0))
                {
                    token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate); // ok: canary only; runs inside the synchronous ADO.NET work, as the real global lock would
                }

                _held = true;
            }
            finally
            {
                if (writer)
                {
                    _waitingWriters--;
                    Monitor.PulseAll(_gate); // a writer that gave up waiting may unblock readers
                }
            }
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _held = false;
            Monitor.PulseAll(_gate);
        }
    }

    private void PulseAll()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
