using Microsoft.Extensions.Options;

namespace Socrates.Core.Search;

/// <summary>Checks <see cref="IvfOptions"/>; usable from DI (<c>IValidateOptions</c>) or via <see cref="IvfOptions.Validate"/>.</summary>
public sealed class IvfOptionsValidator : IValidateOptions<IvfOptions>
{
    public ValidateOptionsResult Validate(string? name, IvfOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Lists is { } lists && (lists < 1 || lists > IvfOptions.MaxLists))
        {
            failures.Add($"Lists must be between 1 and {IvfOptions.MaxLists}; was {lists}.");
        }

        if (options.Probes is { } probes && probes < 1)
        {
            failures.Add($"Probes must be at least 1; was {probes}.");
        }

        if (options is { Lists: { } l, Probes: { } p } && p > l)
        {
            failures.Add($"Probes ({p}) cannot exceed Lists ({l}).");
        }

        if (options.TrainingIterations is < 1 or > 1000)
        {
            failures.Add($"TrainingIterations must be between 1 and 1000; was {options.TrainingIterations}.");
        }

        if (options.MaxTrainingSamples < 1)
        {
            failures.Add($"MaxTrainingSamples must be at least 1; was {options.MaxTrainingSamples}.");
        }

        if (options.CalibrationTargetRecall is { } target && (double.IsNaN(target) || target <= 0 || target > 1))
        {
            failures.Add($"CalibrationTargetRecall must be in (0, 1]; was {target}.");
        }

        if (options.CalibrationQueries < 1)
        {
            failures.Add($"CalibrationQueries must be at least 1; was {options.CalibrationQueries}.");
        }

        if (options.QueryLogSize is < 0 or > 100_000)
        {
            failures.Add($"QueryLogSize must be between 0 and 100000; was {options.QueryLogSize}.");
        }

        if (options.MinLoggedQueries < 1)
        {
            failures.Add($"MinLoggedQueries must be at least 1; was {options.MinLoggedQueries}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
