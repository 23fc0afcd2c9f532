using System.CommandLine;
using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>
/// The options several commands share, and the checks that make a bad value a usage error
/// (one line, exit <see cref="ExitCodes.Invalid"/>) before any command runs.
/// </summary>
internal static class GateOptions
{
    public static Option<string> Gates() => new Option<string>("--gates")
    {
        Description = "The gates file.",
        HelpName = "gates.json",
        DefaultValueFactory = _ => "gates.json",
    }.NonEmpty();

    public static Option<string> Profile() => new Option<string>("--profile")
    {
        Description = "The profile whose gates apply.",
        HelpName = string.Join('|', GateProfiles.All),
        Required = true,
    }.KnownProfile();

    public static Option<string> Artifacts(string description) => new Option<string>("--artifacts")
    {
        Description = description,
        HelpName = "folder",
        DefaultValueFactory = _ => "artifacts",
    }.NonEmpty();

    /// <summary>An optional path or name with no default: null when absent, never empty.</summary>
    public static Option<string?> Optional(string name, string helpName, string description) => new Option<string?>(name)
    {
        Description = description,
        HelpName = helpName,
    }.NonEmpty();

    public static Option<T> NonEmpty<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"option '{option.Name}' needs a non-empty value");
            }
        });
        return option;
    }

    private static Option<string> KnownProfile(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            var profile = result.GetValueOrDefault<string?>();
            if (!GateProfiles.IsKnown(profile))
            {
                result.AddError($"{option.Name} must be one of {string.Join(", ", GateProfiles.All)} (got '{profile}')");
            }
        });
        return option;
    }
}
