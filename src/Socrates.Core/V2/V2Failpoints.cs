using Socrates.Core.Failpoints;

namespace Socrates.Core.V2;

/// <summary>The V2 database's canaries: each injects the defect one gate exists to catch.</summary>
[FailpointCatalog]
public static class V2Failpoints
{
    /// <summary>SaveProject silently does not write the description (round-trip equality drops).</summary>
    public const string SaveDropField = "v2.save.drop-field";

    /// <summary>SaveProject ignores the expected version (lost updates appear).</summary>
    public const string SaveSkipVersionCheck = "v2.save.skip-version-check";

    /// <summary>The operation monitor records nothing (unobserved methods appear).</summary>
    public const string MonitorOff = "v2.monitor.off";

    /// <summary>The pool bound is ignored: every caller gets a connection (peak exceeds pool size).</summary>
    public const string PoolUnbounded = "v2.pool.unbounded";

    /// <summary>Every operation stalls (until cancelled) once it holds a connection: drives timeouts.</summary>
    public const string OperationStall = "v2.op.stall";

    /// <summary>
    /// SaveProject takes two in-process locks in the order A then B, DeleteProject in the order
    /// B then A (a lock-ordering bug): a save and a delete that interleave wait for each other
    /// forever, until the operation timeout surfaces the hang. Drives the deadlock gate.
    /// </summary>
    public const string LocksReverseOrder = "v2.locks.reverse-order";

    /// <summary>
    /// LoadProject reads inside a BEGIN IMMEDIATE transaction (the writer lock) instead of a WAL
    /// snapshot: reads serialize behind writers. Drives the lock-contention gate.
    /// </summary>
    public const string ReadsExclusiveLock = "v2.reads.exclusive-lock";
}
