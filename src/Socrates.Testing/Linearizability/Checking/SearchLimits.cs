namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The budgets of one search: the token (time budget or caller), a step allowance and an
/// estimated memory ceiling for the cache of visited configurations.
/// </summary>
internal sealed record SearchLimits(CancellationToken Token, long MaxSteps = long.MaxValue, long? MaxMemoryBytes = null)
{
    // Per cached configuration besides its bitset words: the bitset array header, the hash-set
    // slot (key struct, hash, next), a freshly allocated model state, set growth slack and the
    // garbage the collector has not reclaimed yet; calibrated so that the process's peak RSS
    // stays within about twice the budget on append-heavy key-value histories.
    private const long EntryOverheadBytes = 192;

    /// <summary>The estimated bytes one cached configuration of a partition of <paramref name="operations"/> takes, besides its state's own size.</summary>
    public static long EntryBytes(int operations) => EntryOverheadBytes + (8L * ((operations + 63) >> 6));
}
