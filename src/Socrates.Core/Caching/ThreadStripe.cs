namespace Socrates.Core.Caching;

/// <summary>
/// A small per-thread number for picking a counter stripe: assigned round robin on a thread's
/// first use, then one thread-static read. Kept in a non-generic class so the read compiles to an
/// inline thread-local access (a thread-static of a shared generic type goes through a helper).
/// </summary>
internal static class ThreadStripe
{
    [ThreadStatic]
    private static int t_index;

    private static int s_next;

    /// <summary>The calling thread's stripe number (positive; callers mask it).</summary>
    public static int Index
    {
        get
        {
            var index = t_index;
            return index != 0 ? index : Assign();
        }
    }

    private static int Assign()
    {
        // Skip 0, which marks "not assigned yet"; wrapping past int.MaxValue is harmless (masked).
        var index = Interlocked.Increment(ref s_next) & int.MaxValue;
        t_index = index == 0 ? 1 : index;
        return t_index;
    }
}
