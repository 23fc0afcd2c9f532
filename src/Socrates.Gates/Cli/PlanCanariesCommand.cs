using System.Text.Json;
using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>plan-canaries --gates gates.json --profile full</c>: prints, as JSON, the canary runs the
/// pipeline must make for the gates of the profile that name one:
/// <c>[{"gate","suite","failpoint","fixture","sameRunAs"}]</c>. Gates without a canary are left
/// out. A gate whose canary is an earlier gate's (the same suite with the same failpoint or
/// fixture) names that gate in <c>sameRunAs</c>: the pipeline copies that run's folder instead of
/// running the suite again (12 of 67 full-profile runs, three of them the benchmark suite).
/// </summary>
internal sealed class PlanCanariesCommand(TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Run(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse("plan-canaries", args, ["--gates", "--profile"], [], out var usage);
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

        var config = ConfigOutput.LoadOrReport(line.Value("--gates") ?? "gates.json", error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        output.WriteLine(JsonSerializer.Serialize(Plan(config, profile!), s_json));
        return ExitCodes.Go;
    }

    internal static IReadOnlyList<CanaryPlanEntry> Plan(GateConfig config, string profile)
    {
        var firstGate = new Dictionary<(string Suite, string? Failpoint, string? Fixture), string>();
        var plan = new List<CanaryPlanEntry>();
        foreach (var gate in config.GatesFor(profile).Where(g => g.Canary is not null))
        {
            var run = (gate.Suite, gate.Canary!.Failpoint, gate.Canary.Fixture);
            var sameRunAs = firstGate.GetValueOrDefault(run);
            firstGate.TryAdd(run, gate.Id);
            plan.Add(new CanaryPlanEntry(gate.Id, gate.Suite, gate.Canary.Failpoint, gate.Canary.Fixture, sameRunAs));
        }

        return plan;
    }
}

/// <summary>
/// One canary run for the pipeline: re-run <see cref="Suite"/> with the failpoint on (or on the
/// fixture) into <c>canaries/{gate}/</c>, or, when <see cref="SameRunAs"/> names an earlier gate
/// with the same run, copy that gate's folder.
/// </summary>
internal sealed record CanaryPlanEntry(string Gate, string Suite, string? Failpoint, string? Fixture, string? SameRunAs);
