using System.Globalization;
using System.Text.Json;
using Socrates.Gates.Config;
using Socrates.Gates.Evaluation;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting.Browser;

/// <summary>
/// A report as the evaluate command writes it to disk, from evidence files, against the
/// repository's own gates.json in the ci profile, so every row carries a real title, description
/// and runbook: one gate red with its test failed (a failed test in the TRX), one red for want of
/// evidence, one inconclusive, one warning, the rest passing, coverage, suites, a previous report
/// and two earlier runs of history (sparklines, the change section).
/// </summary>
internal sealed class GeneratedReport : IDisposable
{
    private const string Profile = "ci";
    private const string FailedTest = "Sample.MixedTests.Compares_Strings_Fails"; // failed in Samples/mixed.trx
    private const string Commit = "4f9c2d1e8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d";

    private readonly TempArtifacts _temp = new();

    public GeneratedReport()
    {
        var gatesFile = Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json");
        var config = GateConfigLoader.Load(gatesFile);
        var measured = config.GatesFor(Profile).Where(g => !g.Metric.StartsWith("tests.", StringComparison.Ordinal) && !g.Metric.StartsWith("coverage.", StringComparison.Ordinal)).ToList();
        // Picked among gates alone on their metric, so each pick changes one row only.
        var alone = measured.Where(g => measured.Count(o => o.Metric == g.Metric) == 1).ToList();
        var red = alone.First(g => g.Warn is null);
        var missing = alone.First(g => g.Warn is null && g != red);
        var warn = alone.First(g => g.Warn is not null);
        var inconclusive = alone.First(g => g.Warn is not null && g != warn);

        _temp.WriteTrx("unit", "unit-passing.trx");
        _temp.WriteTrx("properties", "mixed.trx");
        TempArtifacts.WriteFile(Path.Combine(_temp.Root, "coverage", "Summary.json"), """{"summary":{"linecoverage":92.4,"branchcoverage":83.1,"methodcoverage":95.0}}""");
        TempArtifacts.WriteFile(Path.Combine(_temp.Root, "suites.json"), """[{"suite":"unit","exitCode":0,"durationSeconds":48.2,"status":"passed","log":"logs/unit.log"},{"suite":"properties","exitCode":1,"durationSeconds":131.7,"status":"failed","log":"logs/properties.log"}]""");
        var history = Path.Combine(_temp.Directory, "history.jsonl");

        // Two earlier clean runs: the history behind each sparkline and the previous report.
        for (var run = 0; run < 2; run++)
        {
            foreach (var gate in measured)
            {
                Write(gate, PassingValue(gate));
            }

            Evaluate(history, "--record-history", "--commit", "0000000000000000000000000000000000000" + run.ToString("000", CultureInfo.InvariantCulture));
        }

        File.Delete(Path.Combine(_temp.Root, "metrics", missing.Metric + ".json"));
        Write(red, RedValue(red), FailedTest);
        Write(warn, (warn.Fail + warn.Warn!.Value) / 2);
        Write(inconclusive, PassingValue(inconclusive), inconclusiveReason: "spread 45 % after 5 tries: the machine was busy");
        Evaluate(history, "--commit", Commit);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp.OutDir, "gate-report.json")));
        Verdict = report.RootElement.GetProperty("verdict").GetString()!;
        var gates = report.RootElement.GetProperty("gates").EnumerateArray().ToList();
        RedGates = [.. gates.Where(g => g.GetProperty("status").GetString() is "fail" or "missing")
            .Select(g => g.GetProperty("id").GetString()!)
            .Select(id => config.Gates.Single(d => d.Id == id))];
        Statuses = gates.Select(g => g.GetProperty("status").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The report file, opened by the browser with a file:// address.</summary>
    public string HtmlPath => Path.Combine(_temp.OutDir, "gate-report.html");

    public string Verdict { get; }

    /// <summary>The gates the report shows red (fail or missing), with their definitions (runbooks).</summary>
    public IReadOnlyList<GateDefinition> RedGates { get; }

    /// <summary>Every gate status the report holds.</summary>
    public IReadOnlySet<string> Statuses { get; }

    public void Dispose() => _temp.Dispose();

    /// <summary>The fail line on its safe side, or the warn line where there is one: equal passes.</summary>
    private static double PassingValue(GateDefinition gate) => Checked(gate, gate.Warn ?? gate.Fail, GateStatus.Pass);

    private static double RedValue(GateDefinition gate)
    {
        var step = Math.Max(Math.Abs(gate.Fail) / 2, 1);
        return Checked(gate, gate.Direction == Direction.Max ? gate.Fail + step : gate.Fail - step, GateStatus.Fail);
    }

    private static double Checked(GateDefinition gate, double value, GateStatus expected) =>
        GateEvaluator.Decide(gate.Direction, gate.Fail, gate.Warn, value) == expected
            ? value
            : throw new InvalidOperationException($"gate '{gate.Id}': {value} is not {expected}");

    private void Write(GateDefinition gate, double value, string? test = null, string? inconclusiveReason = null) =>
        _temp.WriteMetric(
            gate.Metric,
            value,
            unit: gate.Unit,
            test: test ?? $"Socrates.Core.Tests.Gates.{Pascal(gate.Id)}Tests.{Pascal(gate.Id)}_CleanRun_WithinItsLine",
            assembly: "Socrates.Core.Tests.dll",
            inconclusiveReason: inconclusiveReason,
            profile: Profile);

    private void Evaluate(string history, params string[] extra)
    {
        var gatesFile = Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "gates.json");
        var run = CliRun.Of(["evaluate", "--gates", gatesFile, "--artifacts", _temp.Root, "--profile", Profile, "--out", _temp.OutDir, "--history", history, .. extra]);
        if (run.ExitCode == 2)
        {
            throw new InvalidOperationException("evaluate refused the generated evidence: " + run.Error);
        }
    }

    private static string Pascal(string id) =>
        string.Concat(id.Split('-').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
