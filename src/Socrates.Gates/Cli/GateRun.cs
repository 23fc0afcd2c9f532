using Socrates.Gates.Artifacts;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Metrics;
using Socrates.Gates.Reporting;

namespace Socrates.Gates.Cli;

/// <summary>
/// The IO around the pure decision: reads the artifacts (and each canary's
/// <c>canaries/{gate}/</c> folder), the previous report, decides, and writes the report files.
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
        MetricSet? CanaryMetrics(GateDefinition gate)
        {
            var folder = Path.Combine(artifactsRoot, CanariesFolder, gate.Id);
            return Directory.Exists(folder) ? reader.Read(folder).Metrics : null;
        }

        var evaluation = RunEvaluator.Evaluate(config, snapshot.Metrics, options.Profile, CanaryMetrics, options.CanariesExpected);

        var outputDirectory = Path.GetFullPath(options.OutputDirectory);
        var previousPath = options.PreviousReport ?? Path.Combine(outputDirectory, JsonReportWriter.FileName);
        GateReport? previous = null;
        ReportPrevious? previousSource = null;
        if (File.Exists(previousPath))
        {
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

        var context = new ReportContext(
            options.Profile,
            options.Commit,
            time.GetUtcNow(),
            machine,
            outputDirectory,
            config.File,
            options.CanariesExpected);
        var sectionProblems = new List<string>();
        var sections = ReportSection.ReadAll(artifactsRoot, sectionProblems);
        extraProblems.AddRange(sectionProblems.Select(p => new InputProblem(ReportSection.Folder, p)));
        var report = ReportBuilder.Build(evaluation, snapshot, context, previousSource, previous, extraProblems) with { Sections = sections };
        ReportFiles.WriteAll(report, outputDirectory);
        return report;
    }
}
