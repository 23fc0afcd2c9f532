using System.Text.Json;
using Socrates.Gates.Canaries;
using Socrates.Gates.Config;

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
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Run(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse("plan-canaries", args, ["--gates", "--profile", "--artifacts"], [], out var usage);
        if (line is null)
        {
            error.WriteLine($"error: {usage}");
            return ExitCodes.Invalid;
        }

        var profile = line.Value("--profile");
        if (!GateProfiles.IsKnown(profile))
        {
            error.WriteLine($"error: --profile must be one of {string.Join(", ", GateProfiles.All)} (got '{profile}')");
            return ExitCodes.Invalid;
        }

        var artifacts = line.Value("--artifacts") ?? "artifacts";
        if (!Directory.Exists(artifacts))
        {
            error.WriteLine($"error: --artifacts '{artifacts}' is not a folder: canaries are planned from a clean run's evidence");
            return ExitCodes.Invalid;
        }

        var config = ConfigOutput.LoadOrReport(line.Value("--gates") ?? "gates.json", error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        var runs = CanaryPlanner.Plan(config, profile!, MetricWriters.Read(artifacts), FailpointReachIndex.Read(artifacts));
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
