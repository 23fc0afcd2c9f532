namespace Socrates.Core.Migration.Errors;

/// <summary>A SQL step declares a footprint its DDL does not match (the declaration is stale or wrong).</summary>
public sealed class FootprintMismatchException(int version, IReadOnlyList<string> differences)
    : MigrationException(
        MigrationErrorCode.FootprintMismatch,
        $"Migration step {version}: the declared footprint does not match its SQL: {string.Join("; ", differences)}.",
        new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["differences"] = string.Join("; ", differences) })
{
    public int Version { get; } = version;

    public IReadOnlyList<string> Differences { get; } = differences;
}
