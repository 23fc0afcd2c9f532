namespace Socrates.Core.Caching;

/// <summary>
/// What a reconciliation found: cached values that differ from the source of truth (or are
/// cached for a key the source does not hold). Poisoned keys are never served, so they are
/// reported apart and are not divergences.
/// </summary>
/// <param name="Checked">Keys compared (the source's keys plus cached keys the source lacks).</param>
/// <param name="Cached">Of those, keys that had a valid cached value.</param>
/// <param name="Divergences">Cached values that would be served and differ from the source.</param>
/// <param name="FirstDivergentKeys">The first divergent keys, up to the repository's reporting limit.</param>
/// <param name="PoisonedSkipped">Keys skipped because they are poisoned.</param>
public sealed record ReconciliationReport<TKey>(
    int Checked,
    int Cached,
    int Divergences,
    IReadOnlyList<TKey> FirstDivergentKeys,
    int PoisonedSkipped);
