using System.CommandLine;
using System.Globalization;

namespace Socrates.Cli.Commands;

/// <summary>
/// Validators shared by the commands: a value out of range is a parse error, so it ends in one
/// clear line and <see cref="CliExitCodes.Usage"/>, never in an exception from the command.
/// </summary>
internal static class OptionRules
{
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum} (got {value}).");
            }
        });
        return option;
    }

    public static Option<int?> AtLeast(this Option<int?> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } value && value < minimum)
            {
                result.AddError($"{option.Name} must be at least {minimum} (got {value}).");
            }
        });
        return option;
    }

    public static Option<double> Between(this Option<double> option, double minimum, double maximum)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (double.IsNaN(value) || value < minimum || value > maximum)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {minimum} and {maximum} (got {value})."));
            }
        });
        return option;
    }

    /// <summary>The value must name an existing file (not a directory).</summary>
    public static Option<string> ExistingFile(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(path))
            {
                return;
            }

            if (Directory.Exists(path))
            {
                result.AddError($"{option.Name}: '{path}' is a directory, not a database file.");
            }
            else if (!File.Exists(path))
            {
                result.AddError($"{option.Name}: the file '{path}' does not exist.");
            }
        });
        return option;
    }

    /// <summary>The value must name a file that does not exist yet.</summary>
    public static Option<string> NewFile(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (!string.IsNullOrWhiteSpace(path) && (File.Exists(path) || Directory.Exists(path)))
            {
                result.AddError($"{option.Name}: '{path}' already exists; give a new file name.");
            }
        });
        return option;
    }
}
