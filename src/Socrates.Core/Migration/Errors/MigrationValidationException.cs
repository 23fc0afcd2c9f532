using System.Globalization;

namespace Socrates.Core.Migration.Errors;

/// <summary>
/// The registered steps and the database's recorded history disagree, so nothing was applied:
/// a changed checksum, a recorded version no longer registered, a step registered out of order,
/// or two steps with one version.
/// </summary>
public sealed class MigrationValidationException : MigrationException
{
    public MigrationValidationException(MigrationErrorCode code, int version, string message, string? expectedChecksum = null, string? actualChecksum = null)
        : base(code, message, Describe(version, expectedChecksum, actualChecksum))
    {
        Version = version;
        ExpectedChecksum = expectedChecksum;
        ActualChecksum = actualChecksum;
    }

    public MigrationValidationException()
        : this(MigrationErrorCode.ChecksumMismatch, 0, "Migration validation failed.")
    {
    }

    public MigrationValidationException(string message)
        : this(MigrationErrorCode.ChecksumMismatch, 0, message)
    {
    }

    public MigrationValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Version { get; }

    /// <summary>The checksum recorded in schema_history (for a mismatch).</summary>
    public string? ExpectedChecksum { get; }

    /// <summary>The checksum of the registered step (for a mismatch).</summary>
    public string? ActualChecksum { get; }

    public static MigrationValidationException ChecksumMismatch(int version, string expected, string actual) =>
        new(MigrationErrorCode.ChecksumMismatch, version,
            $"Migration step {version} was changed after it was applied: recorded checksum {expected}, registered step has {actual}.",
            expected, actual);

    public static MigrationValidationException Missing(int version, string description) =>
        new(MigrationErrorCode.AppliedStepMissing, version,
            $"Migration step {version} ('{description}') is recorded as applied but is not registered.");

    public static MigrationValidationException OutOfOrder(int version, int highestApplied) =>
        new(MigrationErrorCode.OutOfOrder, version,
            $"Migration step {version} is not applied but the database is already at version {highestApplied}; a step cannot be inserted below an applied one.");

    public static MigrationValidationException Duplicate(int version, IEnumerable<string> descriptions) =>
        new(MigrationErrorCode.DuplicateVersion, version,
            $"Migration version {version} is registered more than once: {string.Join(", ", descriptions.Select(d => $"'{d}'"))}.");

    private static Dictionary<string, string> Describe(int version, string? expected, string? actual)
    {
        var context = new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture) };
        if (expected is not null)
        {
            context["expectedChecksum"] = expected;
        }

        if (actual is not null)
        {
            context["actualChecksum"] = actual;
        }

        return context;
    }
}
