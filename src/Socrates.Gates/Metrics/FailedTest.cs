namespace Socrates.Gates.Metrics;

/// <summary>
/// One test that did not pass, as its result file names it: the reader of a NO-GO report needs
/// the name, the first line of the message, where it failed (the first frames of its stack) and,
/// for a property, the line that replays the same cases (a message line starting "Replay:").
/// </summary>
internal sealed record FailedTest(string Name, string Outcome, string? Message)
{
    public IReadOnlyList<string> StackFrames { get; init; } = [];

    public string? Replay { get; init; }
}
