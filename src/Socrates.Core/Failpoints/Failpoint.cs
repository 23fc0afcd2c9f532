using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Socrates.Core.Failpoints;

/// <summary>
/// Named fault injection points in the core, off by default. A failpoint is on when it is named
/// in the environment variable <c>SOCRATES_FAILPOINTS</c> (comma separated; read once per
/// process, so a canary run of a whole suite turns it on everywhere) or when a test enables it
/// for its own async flow with <see cref="Enable"/> (so tests running in parallel do not see
/// each other's faults). When nothing is enabled the check is one read of a static field.
/// </summary>
public static class Failpoint
{
    public const string EnvironmentVariable = "SOCRATES_FAILPOINTS";

    private static readonly AsyncLocal<FrozenSet<string>?> s_scoped = new();
    private static readonly FrozenSet<string> s_fromEnvironment = ReadEnvironment();

    // A static readonly bool is a constant to the optimising JIT: with no failpoint in the
    // environment, the check on hot paths (the cache hit) is one read of s_scopedCount.
    private static readonly bool s_noneFromEnvironment = s_fromEnvironment.Count == 0;
    private static int s_scopedCount;
    private static Action<string>? s_observer;

    /// <summary>Every failpoint name declared by a <see cref="FailpointCatalogAttribute"/> class in any assembly of the process.</summary>
    public static IReadOnlyCollection<string> KnownNames => FailpointCatalogs.Names;

    /// <summary>Names turned on for the whole process by <c>SOCRATES_FAILPOINTS</c>.</summary>
    public static IReadOnlyCollection<string> ActiveFromEnvironment => s_fromEnvironment;

    /// <summary>True when <paramref name="name"/> is on for this process or this async flow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsActive(string name) =>
        (!s_noneFromEnvironment || Volatile.Read(ref s_scopedCount) != 0) && IsNamedActive(name);

    /// <summary>
    /// True when <paramref name="name"/> is on for the whole process (named in the environment):
    /// fixed for the process's life, so a hot path can read it once into a static readonly field
    /// and check <see cref="IsActiveInScope"/> per call, instead of a set lookup per call whenever
    /// any other failpoint is on.
    /// </summary>
    public static bool IsActiveFromEnvironment(string name) => s_fromEnvironment.Contains(name);

    /// <summary>True when <paramref name="name"/> is on for this async flow (<see cref="Enable"/>); one read when no flow enabled any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsActiveInScope(string name) =>
        Volatile.Read(ref s_scopedCount) != 0 && IsScopedActive(name);

    /// <summary>
    /// Reports the name of every failpoint checked from now on to <paramref name="observer"/>
    /// (on the checking flow), whether it is on or not: the canary planner learns from a clean
    /// run which tests reach a failpoint, and reruns only those with it on. Checks of failpoints
    /// named in the environment are not reported (a clean run has none). Set once per process;
    /// it costs nothing in a process that never calls it.
    /// </summary>
    public static void ObserveChecks(Action<string> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (Interlocked.CompareExchange(ref s_observer, observer, null) is not null)
        {
            throw new InvalidOperationException("Failpoint checks are already observed in this process.");
        }

        // Sends every check down the slow path, where the observer is called.
        Interlocked.Increment(ref s_scopedCount);
    }

    /// <summary>
    /// Turns <paramref name="name"/> on for the calling async flow (and the tasks it starts)
    /// until the returned scope is disposed.
    /// </summary>
    public static IDisposable Enable(string name)
    {
        if (!FailpointCatalogs.Names.Contains(name))
        {
            throw new UnknownFailpointException(name, nameof(Enable));
        }

        var previous = s_scoped.Value;
        s_scoped.Value = (previous ?? FrozenSet<string>.Empty).Append(name).ToFrozenSet(StringComparer.Ordinal);
        Interlocked.Increment(ref s_scopedCount);
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="FailpointException"/> when <paramref name="name"/> is on.</summary>
    public static void ThrowIfActive(string name)
    {
        if (IsActive(name))
        {
            throw new FailpointException(name);
        }
    }

    // Kept out of IsActive so that the inlined check stays two reads.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNamedActive(string name) => IsActiveFromEnvironment(name) || IsActiveInScope(name);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsScopedActive(string name)
    {
        Volatile.Read(ref s_observer)?.Invoke(name);
        return s_scoped.Value?.Contains(name) ?? false;
    }

    private static FrozenSet<string> ReadEnvironment()
    {
        var raw = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return FrozenSet<string>.Empty;
        }

        var names = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names)
        {
            if (!FailpointCatalogs.Names.Contains(name))
            {
                throw new UnknownFailpointException(name, EnvironmentVariable);
            }
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed class Scope(FrozenSet<string>? previous) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_scoped.Value = previous;
                Interlocked.Decrement(ref s_scopedCount);
            }
        }
    }
}
