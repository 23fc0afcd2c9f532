using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Validation;

/// <summary><c>PRAGMA integrity_check</c> must answer exactly "ok".</summary>
public static class IntegrityCheckValidator
{
    public const string Name = "integrity-check";

    public static async Task<ValidationResult> ValidateAsync(SqliteConnection connection, CancellationToken cancellationToken, int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var problems = await connection.IntegrityProblemsAsync(maxOffenders, cancellationToken).ConfigureAwait(false);
        return new ValidationResult(Name, connection.DataSource, problems.Count == 0, 1, problems.Count, problems,
            problems.Count == 0 ? "ok" : $"{problems.Count} problem(s) reported");
    }
}
