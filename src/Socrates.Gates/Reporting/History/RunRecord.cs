namespace Socrates.Gates.Reporting.History;

/// <summary>One run as the history keeps it: enough to draw each gate's trend, nothing more.</summary>
internal sealed record RunRecord(string Commit, DateTimeOffset At, string Profile, string Verdict, IReadOnlyList<GatePoint> Gates);

/// <summary>One gate's figure and status in one run (value null when it was not measured).</summary>
internal sealed record GatePoint(string Id, double? Value, string Status);
