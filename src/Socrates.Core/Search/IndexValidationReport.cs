namespace Socrates.Core.Search;

/// <summary>The outcome of validating one index version against the store.</summary>
public sealed record IndexValidationReport(long Generation, long Sequence, int IndexedCount, int StoreCount, IReadOnlyList<IndexValidationIssue> Issues)
{
    /// <summary>At most this many issues are kept (the counts per kind stay exact).</summary>
    public const int MaxIssuesKept = 100;

    public bool IsValid => Issues.Count == 0 && TotalIssues == 0;

    /// <summary>Every issue found, including those beyond <see cref="MaxIssuesKept"/>.</summary>
    public int TotalIssues { get; init; }

    public IReadOnlyDictionary<IndexValidationIssueKind, int> CountsByKind { get; init; } = new Dictionary<IndexValidationIssueKind, int>();

    public override string ToString() => IsValid
        ? $"index generation {Generation} sequence {Sequence}: valid ({IndexedCount} entries)"
        : $"index generation {Generation} sequence {Sequence}: {TotalIssues} issue(s) ({string.Join(", ", CountsByKind.Select(p => $"{p.Key}={p.Value}"))}); first: {Issues[0]}";
}
