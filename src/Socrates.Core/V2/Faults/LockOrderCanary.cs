using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// Only used under <see cref="V2Failpoints.LocksReverseOrder"/>: two locks that SaveProject takes
/// in the order A, B and DeleteProject in the order B, A, with a short pause between the two
/// acquisitions so that a concurrent save and delete reliably interleave. The waits honour the
/// operation's token, so the hang lasts until the operation timeout fires. Off,
/// <see cref="OperationFaults"/> leaves the work undecorated.
/// </summary>
internal sealed class LockOrderCanary : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);
    private readonly SemaphoreSlim _a = new(1, 1);
    private readonly SemaphoreSlim _b = new(1, 1);

    /// <summary>
    /// <paramref name="work"/> run while holding both locks: A then B for SaveProject, B then A
    /// for DeleteProject; any other operation's work unchanged.
    /// </summary>
    public Func<PooledConnection, CancellationToken, T> Around<T>(string operation, Func<PooledConnection, CancellationToken, T> work) => operation switch
    {
        nameof(AsyncProjectDatabase.SaveProjectAsync) => (connection, token) =>
        {
            using var held = AcquireForSave(token);
            return work(connection, token);
        },
        nameof(AsyncProjectDatabase.DeleteProjectAsync) => (connection, token) =>
        {
            using var held = AcquireForDelete(token);
            return work(connection, token);
        },
        _ => work,
    };

    /// <summary>Holds A then B (the save path) until the returned handle is disposed.</summary>
    public IDisposable AcquireForSave(CancellationToken token) => Acquire(_a, _b, token);

    /// <summary>Holds B then A (the delete path: the reversed order, the defect).</summary>
    public IDisposable AcquireForDelete(CancellationToken token) => Acquire(_b, _a, token);

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }

    private static Held Acquire(SemaphoreSlim first, SemaphoreSlim second, CancellationToken token)
    {
        first.Wait(token); // ok: canary only; runs inside the synchronous ADO.NET work on a pooled connection, as the real lock-order bug would
        try
        {
            Thread.Sleep(Pause); // ok: canary only; widens the window in which save and delete hold one lock each
            second.Wait(token); // ok: canary only; the hang it produces is what the deadlock gate must surface (the token is the operation timeout)
        }
        catch
        {
            first.Release();
            throw;
        }

        return new Held(first, second);
    }

    private sealed class Held(SemaphoreSlim first, SemaphoreSlim second) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                second.Release();
                first.Release();
            }
        }
    }
}
