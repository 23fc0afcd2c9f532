namespace Socrates.Core.Search;

/// <summary>One problem found by <see cref="IvfIndex.Validate"/>.</summary>
public sealed record IndexValidationIssue(IndexValidationIssueKind Kind, string Subject, string Detail)
{
    public override string ToString() => $"{Kind} {Subject}: {Detail}";
}
