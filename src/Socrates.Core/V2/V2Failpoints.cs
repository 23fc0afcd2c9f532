using System.Diagnostics;
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

    /// <summary>Lazy loading silently off: every project load, and every project GetUserProjects lists, reads the whole conversation history (the speed-up gates' defect).</summary>
    public const string LoadEagerHistory = "v2.load.eager-history";

    /// <summary>Input validation checks but never rejects (hostile inputs reach SQL).</summary>
    public const string ValidationOff = "v2.validation.off";

    /// <summary>Every operation stalls (until cancelled) once it holds a connection: drives timeouts.</summary>
    public const string OperationStall = "v2.op.stall";

    /// <summary>
    /// Every metadata (lazy) LoadProject spins for <see cref="LoadDelayMicroseconds"/> while it
    /// holds its connection: about a third of the lazy load's own time on the benchmark machine
    /// (116-125 us per lazy load of a 500-message project from a pool thread, the paired
    /// point-load pair), so the point-load regression gate must go red while the lazy-against-V1 speed-up
    /// and the point-load overhead gate may stay green.
    /// A busy spin, not a sleep: timer resolution (~1 ms) would swamp a 40 us delay.
    /// </summary>
    public const string LoadDelay = "v2.load.delay";

    /// <summary>The delay <see cref="LoadDelay"/> injects, in microseconds.</summary>
    public const int LoadDelayMicroseconds = 40;

    /// <summary>
    /// The owner indexes of <c>projects</c> are dropped when the database is opened, so
    /// GetUserProjects scans the table (the GetUserProjects speed-up gate must go red).
    /// </summary>
    public const string SchemaDropOwnerIndex = "v2.schema.drop-owner-index";

    /// <summary>
    /// GetUserProjects loses its indexed selection: it reads every project's metadata and filters
    /// by owner and collaborator in memory (V1's shape without the unpickling). Same answer, about
    /// twenty times the work on 1,000 projects of 20 owners: the GetUserProjects speed-up gate's defect.
    /// </summary>
    public const string UserProjectsFilterInMemory = "v2.user-projects.filter-in-memory";

    /// <summary>
    /// The database is left in SQLite's default rollback-journal mode instead of WAL (WAL silently
    /// lost): every commit then syncs a journal and the database file. The save speed-up gate's defect.
    /// </summary>
    public const string SchemaNoWal = "v2.schema.no-wal";

    /// <summary>
    /// A full LoadProject reads the whole conversation history <see cref="HistoryRereads"/> extra
    /// times (a redundant-query defect): the full-load speed-up and memory-per-load gates' defect.
    /// </summary>
    public const string LoadHistoryReread = "v2.load.history-reread";

    /// <summary>How many extra times <see cref="LoadHistoryReread"/> reads the history.</summary>
    public const int HistoryRereads = 4;

    /// <summary>
    /// The schema gains an index on the messages' full text (a needless index on the largest
    /// column): every message's content is stored twice. The disk-size gate's defect.
    /// </summary>
    public const string SchemaContentIndex = "v2.schema.content-index";

    private static long s_loadDelays;
    private static long s_loadDelayTicks;

    /// <summary>How many delays <see cref="LoadDelay"/> has injected in this process (the canary's own test counts them).</summary>
    internal static long LoadDelaysInjected => Interlocked.Read(ref s_loadDelays);

    /// <summary>The Stopwatch ticks those delays spun, in total.</summary>
    internal static long LoadDelayTicksSpun => Interlocked.Read(ref s_loadDelayTicks);

    // Busy-waits LoadDelayMicroseconds (the v2.load.delay canary's defect), then counts it.
    internal static void SpinLoadDelay()
    {
        var start = Stopwatch.GetTimestamp();
        var until = start + (Stopwatch.Frequency * LoadDelayMicroseconds / 1_000_000);
        long now;
        while ((now = Stopwatch.GetTimestamp()) < until)
        {
            Thread.SpinWait(10);
        }

        Interlocked.Add(ref s_loadDelayTicks, now - start);
        Interlocked.Increment(ref s_loadDelays);
    }

    /// <summary>
    /// SaveProject takes two in-process locks in the order A then B, DeleteProject in the order
    /// B then A (a lock-ordering bug): a save and a delete that interleave wait for each other
    /// forever, until the operation timeout surfaces the hang. Drives the deadlock gate.
    /// </summary>
    public const string LocksReverseOrder = "v2.locks.reverse-order";

    /// <summary>
    /// Every operation's database work, reads included, runs under one exclusive lock in which
    /// waiting writers go first (<see cref="ExclusiveLockCanary"/>), and a metadata LoadProject
    /// also reads inside a BEGIN IMMEDIATE transaction (the writer lock) instead of a WAL snapshot:
    /// reads serialize behind writers and starve while writes keep coming. Drives the
    /// lock-contention gate.
    /// </summary>
    public const string ReadsExclusiveLock = "v2.reads.exclusive-lock";

    /// <summary>
    /// Every read (the operations <see cref="ReadOperations"/> names) holds one process-wide
    /// lock from before its pool lease to its end (<see cref="ProcessReadLockCanary"/>): reads run
    /// one at a time, so read throughput no longer grows with readers while each read stays as
    /// fast as alone. Drives the reader-scaling gate.
    /// </summary>
    public const string ReadsProcessLock = "v2.reads.process-lock";

    /// <summary>
    /// AppendMessage repeats its insert after it succeeded (a non-idempotent retry): every
    /// appended message is stored twice, at its position and the next. SQLite's own checks stay
    /// clean; the conversation ledger finds the duplicates. Drives the stress corruption gate.
    /// </summary>
    public const string AppendTwice = "v2.messages.append-twice";

    /// <summary>
    /// A caller that finds the pool full for the whole wait gets an untyped
    /// <see cref="InvalidOperationException"/> instead of the typed
    /// <see cref="Errors.DatabaseOverloadedException"/> (callers cannot tell back-off from a bug).
    /// Drives the overload gate on untyped failures.
    /// </summary>
    public const string PoolUntypedExhaustion = "v2.pool.untyped-exhaustion";
}
