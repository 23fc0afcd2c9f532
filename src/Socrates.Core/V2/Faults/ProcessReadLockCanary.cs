namespace Socrates.Core.V2.Faults;

/// <summary>
/// Only used under <see cref="V2Failpoints.ReadsProcessLock"/>: one process-wide lock held for
/// the whole of every read (pool lease and SQLite work), the way a developer "protects" reads
/// with a static semaphore. Readers then run one at a time in the process, whatever the cores,
/// connections and WAL snapshots could give them: the defect the reader-scaling gate exists to
/// catch. Static on purpose: the defect spans every database in the process. Off,
/// <see cref="OperationFaults"/> takes no lock.
/// </summary>
internal static class ProcessReadLockCanary
{
    private static readonly SemaphoreSlim s_readLock = new(1, 1);

    /// <summary>Holds the lock until the returned scope is disposed; null when <paramref name="operation"/> is not a read.</summary>
    public static async Task<IDisposable?> EnterAsync(string operation, CancellationToken token)
    {
        if (!ReadOperations.IsRead(operation))
        {
            return null;
        }

        await s_readLock.WaitAsync(token).ConfigureAwait(false);
        return new Held();
    }

    private sealed class Held : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                s_readLock.Release();
            }
        }
    }
}
