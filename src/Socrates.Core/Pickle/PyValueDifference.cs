namespace Socrates.Core.Pickle;

/// <summary>Where two values of the value model first differ, and how.</summary>
/// <param name="Path">JSONPath-like location, e.g. <c>$.team_members[2].joined_at</c>.</param>
/// <param name="Expected">The expected side at that path, described.</param>
/// <param name="Actual">The actual side at that path, described.</param>
public sealed record PyValueDifference(string Path, string Expected, string Actual)
{
    public override string ToString() => $"{Path}: expected {Expected}, actual {Actual}";
}
