namespace Socrates.Gates.Cli;

/// <summary>The inputs of one <c>evaluate</c> run, paths as given (relative to the working directory).</summary>
internal sealed record EvaluateOptions(
    string GatesFile,
    string ArtifactsRoot,
    string Profile,
    string OutputDirectory,
    string? PreviousReport,
    string Commit,
    bool CanariesExpected);
