namespace Socrates.Gates.Reporting;

/// <summary>What a report states about its run beyond the decisions: who, where, when, against what.</summary>
internal sealed record ReportContext(
    string Profile,
    string Commit,
    DateTimeOffset GeneratedAt,
    MachineInfo Machine,
    string OutputDirectory,
    string GatesFile,
    bool CanariesExpected)
{
    /// <summary>The gates file's templates for the reproduce commands; null when it gives none.</summary>
    public Config.ReproduceTemplates? Reproduce { get; init; }

    /// <summary>Earlier runs, oldest first, for each gate's trend; empty when no history was given.</summary>
    public IReadOnlyList<History.RunRecord> History { get; init; } = [];
}
