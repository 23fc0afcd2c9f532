namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The memory budget of one check, shared by the searches running at once: each takes what its
/// cache and states are estimated to hold and gives it back when it ends, so a hard partition can
/// use what the partitions already decided no longer hold, and the whole check stays within it.
/// </summary>
internal sealed class MemoryBudget(long? maxBytes)
{
    private long _used;

    /// <summary>The budget; null: none.</summary>
    public long? MaxBytes => maxBytes;

    /// <summary>One search's share, given back on dispose.</summary>
    public Lease Open() => new(this);

    internal sealed class Lease(MemoryBudget budget) : IDisposable
    {
        private long _taken;

        /// <summary>True when the searches together hold more than the budget.</summary>
        public bool Exceeded => budget.MaxBytes is { } max && Volatile.Read(ref budget._used) > max;

        public void Take(long bytes)
        {
            _taken += bytes;
            Interlocked.Add(ref budget._used, bytes);
        }

        public void Dispose()
        {
            Interlocked.Add(ref budget._used, -_taken);
            _taken = 0;
        }
    }
}
