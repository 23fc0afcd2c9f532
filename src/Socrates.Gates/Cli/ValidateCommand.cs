using System.CommandLine;
using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>
/// <c>validate --gates gates.json</c>: checks the gates file; exit 0 valid (warnings printed), 2 invalid.
/// Stricter than loading for <c>evaluate</c>: a gate or risk without a description is a problem here.
/// </summary>
internal sealed class ValidateCommand(TextWriter output, TextWriter error)
{
    public const string Name = "validate";

    public Command Create()
    {
        var gates = GateOptions.Gates();
        var command = new Command(Name, "Checks the gates file. Exit 0: valid (warnings printed). 2: invalid (every problem printed).")
        {
            gates,
        };
        command.SetAction(parse => Run(parse.GetValue(gates)!));
        return command;
    }

    private int Run(string path)
    {
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
