namespace Socrates.Core.V2;

/// <summary>
/// Only used under <see cref="V2Failpoints.LocksReverseOrder"/>: two locks that SaveProject takes
/// in the order A, B and DeleteProject in the order B, A, with a short pause between the two
/// acquisitions so that a concurrent save and delete reliably interleave. The waits honour the
/// operation's token, so the hang lasts until the operation timeout fires. Off, nothing uses it.
/// </summary>
internal sealed class LockOrderCanary : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(5);
    private readonly SemaphoreSlim _a = new(1, 1);
    private readonly SemaphoreSlim _b = new(1, 1);

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
