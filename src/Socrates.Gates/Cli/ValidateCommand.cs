using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>validate --gates gates.json</c>: checks the gates file; exit 0 valid (warnings printed), 2 invalid.
/// Stricter than loading for <c>evaluate</c>: a gate or risk without a description is a problem here.
/// </summary>
internal sealed class ValidateCommand(TextWriter output, TextWriter error)
{
    public int Run(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse("validate", args, ["--gates"], [], out var usage);
        if (line is null)
        {
            error.WriteLine($"error: {usage}");
            return ExitCodes.Invalid;
        }

        var path = line.Value("--gates") ?? "gates.json";
        var config = ConfigOutput.LoadOrReport(path, error);
        if (config is null)
        {
            return ExitCodes.Invalid;
        }

        var undescribed = DescriptionRule.Problems(config);
        if (undescribed.Count > 0)
        {
            ConfigOutput.WriteProblems(path, undescribed, error);
            return ExitCodes.Invalid;
        }

        output.WriteLine($"{path}: valid, {config.Risks.Count} risks, {config.Gates.Count} gates.");
        ConfigOutput.WriteWarnings(config, output);
        return ExitCodes.Go;
    }
}
