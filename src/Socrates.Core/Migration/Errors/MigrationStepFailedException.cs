namespace Socrates.Core.Migration.Errors;

/// <summary>A step threw while being applied; its transaction (and its history row) were rolled back.</summary>
public sealed class MigrationStepFailedException(int version, string description, Exception inner)
    : MigrationException(
        MigrationErrorCode.StepFailed,
        $"Migration step {version} ('{description}') failed and was rolled back: {inner.Message}",
        new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["description"] = description },
        inner)
{
    public int Version { get; } = version;
}
