using Socrates.Core.Failpoints;
using Socrates.Core.V2.Monitoring;
using Socrates.Core.V2.Pooling;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canaries of the operation pipeline every public operation takes: lock defects as
/// decorators of the operation's work, a process-wide read lock taken before the lease, a
/// stall once a connection is leased, and the monitor
/// that observes the outcome. Each asks its failpoint when an operation starts (one field read
/// when none is on); off, the work and the monitor are returned as they came and nothing is
/// allocated.
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

    /// <summary>
    /// Nothing, or under <see cref="V2Failpoints.ReadsProcessLock"/> the process-wide read lock,
    /// held by a read from before its pool lease until the returned scope is disposed.
    /// </summary>
    public static ValueTask<IDisposable?> BeforeLeaseAsync(string operation, CancellationToken token) =>
        Failpoint.IsActive(V2Failpoints.ReadsProcessLock)
            ? new ValueTask<IDisposable?>(ProcessReadLockCanary.EnterAsync(operation, token))
            : default;

    /// <summary>Under <see cref="V2Failpoints.OperationStall"/>, never completes until <paramref name="token"/> fires.</summary>
    public static ValueTask AfterLeaseAsync(TimeProvider time, CancellationToken token) =>
        Failpoint.IsActive(V2Failpoints.OperationStall)
            ? new ValueTask(Task.Delay(Timeout.InfiniteTimeSpan, time, token))
            : ValueTask.CompletedTask;

    /// <summary><paramref name="monitor"/>, or none under <see cref="V2Failpoints.MonitorOff"/> (operations go unobserved).</summary>
    public static OperationMonitor? Observer(OperationMonitor monitor) =>
        Failpoint.IsActive(V2Failpoints.MonitorOff) ? null : monitor;

    public void Dispose() => _lockOrder.Dispose();
}
