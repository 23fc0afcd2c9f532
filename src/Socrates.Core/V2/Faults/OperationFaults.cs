using Socrates.Core.Failpoints;
using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canaries of the operation pipeline every public operation takes: lock defects as
/// decorators of the operation's work, and a stall once a connection is leased. Each asks its
/// failpoint when an operation starts (one field read when none is on); off, the work is
/// returned as it came and nothing is allocated.
/// </summary>
internal sealed class OperationFaults : IDisposable
{
    private readonly ExclusiveLockCanary _exclusiveLock = new();
    private readonly LockOrderCanary _lockOrder = new();

    /// <summary><paramref name="work"/>, under whichever lock canaries are on.</summary>
    public Func<PooledConnection, CancellationToken, T> Around<T>(string operation, Func<PooledConnection, CancellationToken, T> work)
    {
        if (Failpoint.IsActive(V2Failpoints.LocksReverseOrder))
        {
            work = _lockOrder.Around(operation, work);
        }

        if (Failpoint.IsActive(V2Failpoints.ReadsExclusiveLock))
        {
            work = _exclusiveLock.Around(operation, work); // outermost: every read queues behind the writers
        }

        return work;
    }

    /// <summary>Under <see cref="V2Failpoints.OperationStall"/>, never completes until <paramref name="token"/> fires.</summary>
    public static ValueTask AfterLeaseAsync(TimeProvider time, CancellationToken token) =>
        Failpoint.IsActive(V2Failpoints.OperationStall)
            ? new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, time, token))
            : ValueTask.CompletedTask;

    public void Dispose() => _lockOrder.Dispose();
}
