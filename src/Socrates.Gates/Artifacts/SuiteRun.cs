namespace Socrates.Gates.Artifacts;

/// <summary>
/// One suite as the pipeline ran it (<c>suites.json</c>). A non-zero exit code makes it failed
/// whatever status the pipeline wrote.
/// </summary>
internal sealed record SuiteRun(string Suite, int? ExitCode, double? DurationSeconds, string Status, string? Log);
