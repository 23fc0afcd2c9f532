using System.CommandLine;
using Socrates.Gates.Artifacts;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>verify-evidence --report gate-report.json [--artifacts root]</c>: recomputes the size and
/// SHA-256 of every file the report recorded as read. Exit 0 when all match; 1 listing each
/// changed or missing file, one line each; 2 for bad usage or a report that records no evidence.
/// Without <c>--artifacts</c> the root is the one the report names, relative to its own folder.
/// </summary>
internal sealed class VerifyEvidenceCommand(TextWriter output, TextWriter error)
{
    public const string Name = "verify-evidence";

    public Command Create()
    {
        var report = new Option<string>("--report")
        {
            Description = "The gate-report.json whose evidence is checked.",
            HelpName = "gate-report.json",
            Required = true,
        }.NonEmpty();
        var artifacts = GateOptions.Optional("--artifacts", "folder", "The artifacts root the paths are relative to [default: the one the report names].");
        var command = new Command(Name, "Recomputes the SHA-256 of every file the report read. Exit 0: all match. 1: a file changed or is missing (one line each). 2: bad usage, unreadable report or no evidence recorded.")
        {
            report, artifacts,
        };
        command.SetAction(parse => Run(parse.GetValue(report)!, parse.GetValue(artifacts)));
        return command;
    }

    private int Run(string reportPath, string? artifacts)
    {
        if (!File.Exists(reportPath))
        {
            error.WriteLine($"error: report not found: {reportPath}");
            return ExitCodes.Invalid;
        }

        var report = JsonReportWriter.TryRead(reportPath, out var readError);
        if (report is null)
        {
            error.WriteLine($"error: cannot read {reportPath}: {readError}");
            return ExitCodes.Invalid;
        }

        if (report.Evidence.Count == 0)
        {
            error.WriteLine($"error: {reportPath} records no evidence: nothing to verify");
            return ExitCodes.Invalid;
        }

        var root = artifacts
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(reportPath))!, report.ArtifactsRoot);
        var findings = EvidenceLedger.Verify(root, report.Evidence);
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        output.WriteLine(findings.Count == 0
            ? $"{report.Evidence.Count} files match the report (artifacts root {Path.GetFullPath(root)})"
            : $"{findings.Count} of {report.Evidence.Count} files differ from the report (artifacts root {Path.GetFullPath(root)})");
        return findings.Count == 0 ? ExitCodes.Go : ExitCodes.NoGo;
    }
}
