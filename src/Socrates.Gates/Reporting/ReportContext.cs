namespace Socrates.Gates.Reporting;

/// <summary>What a report states about its run beyond the decisions: who, where, when, against what.</summary>
internal sealed record ReportContext(
    string Profile,
    string Commit,
    DateTimeOffset GeneratedAt,
    MachineInfo Machine,
    string OutputDirectory,
    string GatesFile,
    bool CanariesExpected);
