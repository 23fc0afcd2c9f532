using System.Text.Json;
using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>plan-canaries --gates gates.json --profile full</c>: prints, as JSON, the canary runs the
/// pipeline must make for the gates of the profile that name one:
/// <c>[{"gate","suite","failpoint","fixture"}]</c>. Gates without a canary are left out.
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

    internal static IReadOnlyList<CanaryPlanEntry> Plan(GateConfig config, string profile) =>
        [.. config.GatesFor(profile).Where(g => g.Canary is not null).Select(g => new CanaryPlanEntry(g.Id, g.Suite, g.Canary!.Failpoint, g.Canary.Fixture))];
}

/// <summary>One canary run for the pipeline: re-run <see cref="Suite"/> with the failpoint on (or on the fixture) into <c>canaries/{gate}/</c>.</summary>
internal sealed record CanaryPlanEntry(string Gate, string Suite, string? Failpoint, string? Fixture);
