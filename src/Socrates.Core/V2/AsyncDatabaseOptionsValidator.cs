using Microsoft.Extensions.Options;

namespace Socrates.Core.V2;

/// <summary>Rejects options that cannot work, naming each bad setting and its value.</summary>
public sealed class AsyncDatabaseOptionsValidator : IValidateOptions<AsyncDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, AsyncDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            errors.Add("DatabasePath is required.");
        }
        else if (options.DatabasePath.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("DatabasePath ':memory:' cannot be pooled or use WAL; use a file.");
        }

        Positive(errors, nameof(options.PoolSize), options.PoolSize, 1024);
        Positive(errors, nameof(options.PoolWaitTimeout), options.PoolWaitTimeout);
        Positive(errors, nameof(options.OperationTimeout), options.OperationTimeout);
        Positive(errors, nameof(options.BusyTimeout), options.BusyTimeout);
        Positive(errors, nameof(options.SlowOperationThreshold), options.SlowOperationThreshold);
        Positive(errors, nameof(options.MaxIdLength), options.MaxIdLength, 10_000);
        Positive(errors, nameof(options.MaxNameLength), options.MaxNameLength, 100_000);
        Positive(errors, nameof(options.MaxTextLength), options.MaxTextLength, int.MaxValue);
        Positive(errors, nameof(options.MaxMessageLength), options.MaxMessageLength, int.MaxValue);
        Positive(errors, nameof(options.MaxDocumentLength), options.MaxDocumentLength, int.MaxValue);
        Positive(errors, nameof(options.MaxJsonLength), options.MaxJsonLength, int.MaxValue);
        Positive(errors, nameof(options.MaxListItems), options.MaxListItems, int.MaxValue);
        Positive(errors, nameof(options.MaxPageSize), options.MaxPageSize, int.MaxValue);
        Positive(errors, nameof(options.LatencySamplesPerOperation), options.LatencySamplesPerOperation, 1_000_000);
        Positive(errors, nameof(options.SlowOperationsKept), options.SlowOperationsKept, 1_000_000);
        if (!Enum.IsDefined(options.Offloading))
        {
            errors.Add($"Offloading '{options.Offloading}' is not a defined mode.");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            errors.Add($"Synchronous '{options.Synchronous}' is not a defined mode.");
        }

        if (options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            errors.Add($"BusyTimeout '{options.BusyTimeout}' is longer than SQLite accepts.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(AsyncDatabaseOptions options)
    {
        var result = new AsyncDatabaseOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(AsyncDatabaseOptions), typeof(AsyncDatabaseOptions), result.Failures);
        }
    }

    private static void Positive(List<string> errors, string name, int value, int max)
    {
        if (value < 1 || value > max)
        {
            errors.Add($"{name} must be between 1 and {max}; it is {value}.");
        }
    }

    private static void Positive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            errors.Add($"{name} must be positive (or infinite); it is {value}.");
        }
    }
}
