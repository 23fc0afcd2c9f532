using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.Copying;

/// <summary>Refuses a corrupt source before anything is read from it for real.</summary>
public static class SourceIntegrity
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>Throws <see cref="SourceCorruptException"/> unless integrity_check answers exactly "ok".</summary>
    public static async Task VerifyAsync(SqliteConnection source, CancellationToken cancellationToken, int maxProblems = 10)
    {
        ArgumentNullException.ThrowIfNull(source);
        IReadOnlyList<string> problems;
        try
        {
            problems = await source.IntegrityProblemsAsync(maxProblems, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            throw new SourceCorruptException(source.DataSource, [error.Message], error);
        }

        if (problems.Count > 0)
        {
            throw new SourceCorruptException(source.DataSource, problems);
        }
    }
}
