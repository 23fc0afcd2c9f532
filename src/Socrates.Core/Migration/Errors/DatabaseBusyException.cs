namespace Socrates.Core.Migration.Errors;

/// <summary>Another connection held a lock on the database longer than the allowed wait.</summary>
public sealed class DatabaseBusyException(string database, TimeSpan waited, Exception inner)
    : MigrationException(
        MigrationErrorCode.DatabaseBusy,
        $"Database '{database}' stayed locked by another connection for more than {waited.TotalMilliseconds:F0} ms; nothing of the current batch was written.",
        new Dictionary<string, string> { ["database"] = database, ["waitedMs"] = waited.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) },
        inner)
{
    public string Database { get; } = database;

    public TimeSpan Waited { get; } = waited;
}
