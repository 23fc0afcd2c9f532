namespace Socrates.Gates.Cli;

/// <summary>The inputs of one <c>evaluate</c> run, paths as given (relative to the working directory).</summary>
internal sealed record EvaluateOptions(
    string GatesFile,
    string ArtifactsRoot,
    string Profile,
    string OutputDirectory,
    string? PreviousReport,
    string Commit,
    bool CanariesExpected)
{
    /// <summary>The run history (JSON lines) whose trend the report draws; null for none.</summary>
    public string? HistoryFile { get; init; }

    /// <summary>Whether this run is appended to <see cref="HistoryFile"/> (a re-evaluation of an old run is not).</summary>
    public bool RecordHistory { get; init; }
}
