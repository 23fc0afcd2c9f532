namespace Socrates.Gates.Metrics;

/// <summary>
/// Something wrong with an input that does not stop the run (an unreadable result file, a
/// malformed metric, a duplicate): <see cref="Source"/> is the file, relative to the artifacts root.
/// </summary>
internal sealed record InputProblem(string Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
