using System.CommandLine;
using System.Text.Json;
using Socrates.Gates.Canaries;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>plan-canaries --gates gates.json --profile ci --artifacts RUN</c>: prints, as JSON, the
/// canary runs the pipeline makes after the clean run whose evidence is under RUN
/// (see <see cref="CanaryPlanner"/>):
/// <c>[{"gates","suite","failpoint","fixture","tests":[{"assembly","filter"}],"benchmarkMetrics","problems"}]</c>.
/// A null filter means every test of the suite in that assembly.
/// </summary>
internal sealed class PlanCanariesCommand(TextWriter output, TextWriter error)
{
    public const string Name = "plan-canaries";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Command Create()
    {
        var gates = GateOptions.Gates();
        var profile = GateOptions.Profile();
        var artifacts = GateOptions.Artifacts("The clean run whose evidence the canaries are planned from.");
        var command = new Command(Name, "Prints the canary runs as JSON: per defect, the gates it proves and only the tests (by name, learned from the clean run's metric files and failpoint reach) or benchmark metrics that feed them; \"problems\" names gates that cannot be targeted. Exit 0: plan printed. 2: invalid gates file or usage.")
        {
            profile, gates, artifacts,
        };
        command.SetAction(parse => Run(parse.GetValue(gates)!, parse.GetValue(profile)!, parse.GetValue(artifacts)!));
        return command;
    }

    private int Run(string gatesFile, string profile, string artifacts)
    {
        if (!Directory.Exists(artifacts))
        {
            error.WriteLine($"error: --artifacts '{artifacts}' is not a folder: canaries are planned from a clean run's evidence");
            return ExitCodes.Invalid;
        }

        var config = ConfigOutput.LoadOrReport(gatesFile, error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        var runs = CanaryPlanner.Plan(config, profile, MetricWriters.Read(artifacts), FailpointReachIndex.Read(artifacts));
        output.WriteLine(JsonSerializer.Serialize(runs.Select(ToJson), s_json));
        return ExitCodes.Go;
    }

    private static object ToJson(CanaryRun run) => new
    {
        run.Gates,
        run.Suite,
        run.Failpoint,
        run.Fixture,
        Tests = run.Tests.Select(t => new { t.Assembly, t.Filter, Count = t.Tests.Count }),
        run.BenchmarkMetrics,
        run.Problems,
    };
}
