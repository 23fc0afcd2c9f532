namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// What one search over one partition found. On a violation: the longest partial linearization
/// reached (operation indices in order) and the operation whose completion forced the search
/// back from it. On <see cref="CheckOutcome.Unknown"/>: which budget ran out, in words.
/// </summary>
internal sealed record SearchResult(CheckOutcome Outcome, IReadOnlyList<int> LongestLinearization, int BlockedOperation, long Steps, string? UnknownReason = null);
