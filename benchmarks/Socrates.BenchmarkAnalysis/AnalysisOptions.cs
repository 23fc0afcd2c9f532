using System.CommandLine;
using System.Globalization;

namespace Socrates.BenchmarkAnalysis;

/// <summary>The options the commands share, and the checks that make a bad value a usage error.</summary>
internal static class AnalysisOptions
{
    public static Option<string> Required(string name, string helpName, string description) => new Option<string>(name)
    {
        Description = description,
        HelpName = helpName,
        Required = true,
    }.NonEmpty();

    public static Option<string?> Optional(string name, string helpName, string description) => new Option<string?>(name)
    {
        Description = description,
        HelpName = helpName,
    }.NonEmpty();

    public static Option<string?> Profile() =>
        Optional("--profile", "name", "The profile the run was measured in [default: $SOCRATES_PROFILE, else quick].");

    /// <summary>May be given empty (<c>--failpoints ""</c>): none, whatever SOCRATES_FAILPOINTS says.</summary>
    public static Option<string?> Failpoints() => new("--failpoints")
    {
        Description = "The failpoints active in the run, comma-separated [default: $SOCRATES_FAILPOINTS].",
        HelpName = "a,b",
    };

    public static Option<string[]> Metrics() => new Option<string[]>("--" + MetricSelection.OptionName)
    {
        Description = "Only what writes this metric (repeatable): a targeted run measured only what feeds it.",
        HelpName = "name",
        AllowMultipleArgumentsPerToken = false,
    }.NonEmpty();

    /// <summary>A probability strictly between <paramref name="above"/> and 1; anything else is a usage error.</summary>
    public static Option<double?> Probability(string name, string description, double above) => new(name)
    {
        Description = description,
        HelpName = "p",
        CustomParser = result =>
        {
            var text = result.Tokens[^1].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
            {
                result.AddError($"{name} '{text}' is not a number");
                return null;
            }

            if (!(p > above && p < 1))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} {p} is not strictly between {above} and 1"));
                return null;
            }

            return p;
        },
    };

    public static string ProfileOrEnvironment(string? profile) =>
        profile ?? Environment.GetEnvironmentVariable("SOCRATES_PROFILE") ?? "quick";

    public static IReadOnlyList<string> FailpointsOrEnvironment(string? failpoints) =>
        BenchmarkComparisonCommand.SplitList(failpoints ?? Environment.GetEnvironmentVariable("SOCRATES_FAILPOINTS"));

    private static Option<T> NonEmpty<T>(this Option<T> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError($"option '{option.Name}' needs a value");
            }
        });
        return option;
    }
}
