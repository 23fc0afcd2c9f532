using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Cli;

/// <summary>
/// The IO around the pure decision: reads the artifacts (and each canary's
/// <c>canaries/{gate}/</c> folder), the previous report, decides, records the checksum of every
/// file read, and writes the report files.
/// </summary>
internal static class GateRun
{
    public const string CanariesFolder = "canaries";

    public static GateReport Execute(GateConfig config, EvaluateOptions options, TimeProvider time, MachineInfo machine)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var reader = new ArtifactReader();
        var artifactsRoot = Path.GetFullPath(options.ArtifactsRoot);
        var extraProblems = new List<InputProblem>();
        if (!Directory.Exists(artifactsRoot))
        {
            extraProblems.Add(new InputProblem(options.ArtifactsRoot, "the artifacts folder does not exist: every gate is missing its evidence"));
        }

        var snapshot = reader.Read(artifactsRoot);
        var filesRead = new List<string>(snapshot.Files);
        CanaryRun? ReadCanary(GateDefinition gate)
        {
            var folder = Path.Combine(artifactsRoot, CanariesFolder, gate.Id);
            if (!Directory.Exists(folder))
            {
                return null;
            }

            var problemFile = Path.Combine(folder, CanaryRun.ProblemFile);
            var problem = File.Exists(problemFile) ? CanaryProblem(problemFile) : null;
            var canary = reader.Read(folder);
            filesRead.AddRange(canary.Files);
            if (problem is not null)
            {
                filesRead.Add(problemFile);
            }

            return new CanaryRun(canary.Metrics, canary.ExecutedTests, canary.FailedTests, problem);
        }

        var evaluation = RunEvaluator.Evaluate(config, snapshot.Metrics, options.Profile, ReadCanary, options.CanariesExpected);

        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        var previousPath = options.PreviousReport ?? Path.Combine(outputDirectory, JsonReportWriter.FileName);
        GateReport? previous = null;
        ReportPrevious? previousSource = null;
        if (File.Exists(previousPath))
        {
            // The previous report is read for the change section only: no decision rests on it,
            // so it is not evidence.
            previous = JsonReportWriter.TryRead(previousPath, out var readError);
            if (previous is null)
            {
                extraProblems.Add(new InputProblem(previousPath, $"previous report unreadable, no comparison made: {readError}"));
            }
            else
            {
                previousSource = new ReportPrevious(
                    ReportBuilder.LinkFromReport(artifactsRoot, outputDirectory, Path.GetFullPath(previousPath)),
                    previous.Verdict,
                    previous.Commit,
                    previous.GeneratedAt);
            }
        }
        else if (options.PreviousReport is not null)
        {
            extraProblems.Add(new InputProblem(options.PreviousReport, "previous report not found, no comparison made"));
        }

        var historyProblems = new List<string>();
        var history = options.HistoryFile is null ? [] : Reporting.History.RunHistoryFile.Read(options.HistoryFile, historyProblems);
        extraProblems.AddRange(historyProblems.Select(p => new InputProblem(options.HistoryFile!, p)));
        var context = new ReportContext(
            options.Profile,
            options.Commit,
            time.GetUtcNow(),
            machine,
            outputDirectory,
            config.File,
            options.CanariesExpected)
        {
            Reproduce = config.Reproduce,
            History = history,
        };
        var sectionProblems = new List<string>();
        var sections = ReportSection.ReadAll(artifactsRoot, sectionProblems);
        extraProblems.AddRange(sectionProblems.Select(p => new InputProblem(ReportSection.Folder, p)));
        filesRead.AddRange(SectionFiles(artifactsRoot));
        var report = ReportBuilder.Build(evaluation, snapshot, context, previousSource, previous, extraProblems) with
        {
            Sections = sections,
            Evidence = EvidenceLedger.Record(artifactsRoot, filesRead),
        };
        ReportFiles.WriteAll(report, outputDirectory);
        if (options.RecordHistory && options.HistoryFile is not null)
        {
            Reporting.History.RunHistoryFile.Append(options.HistoryFile, Reporting.History.RunHistoryFile.RecordOf(report));
        }

        return report;
    }

    /// <summary>The pipeline's words for why it could not target a canary; an empty file still says it could not.</summary>
    private static string CanaryProblem(string path)
    {
        var text = File.ReadAllText(path).Trim();
        return text.Length > 0 ? text : $"the pipeline could not target the canary ({CanaryRun.ProblemFile} is empty)";
    }

    private static IEnumerable<string> SectionFiles(string artifactsRoot)
    {
        var folder = Path.Combine(artifactsRoot, ReportSection.Folder);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            : [];
    }
}
