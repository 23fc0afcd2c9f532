using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Validation;

/// <summary>Compares two id sets: ids expected but missing, ids present but not expected (and repeated ids).</summary>
public static class IdSetValidator
{
    public const string Name = "id-set";

    public static ValidationResult Validate(string subject, IEnumerable<string> expected, IEnumerable<string> actual, int maxOffenders = ValidationResult.DefaultMaxOffenders)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var expectedSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in expected)
        {
            expectedSet.Add(id);
        }

        var actualSet = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new List<string>();
        foreach (var id in actual)
        {
            if (!actualSet.Add(id))
            {
                repeated.Add(id);
            }
        }

        var missing = expectedSet.Where(id => !actualSet.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var extra = actualSet.Where(id => !expectedSet.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var failures = missing.Count + extra.Count + repeated.Count;
        var offenders = missing.Select(id => "missing:" + id)
            .Concat(extra.Select(id => "extra:" + id))
            .Concat(repeated.Distinct(StringComparer.Ordinal).Select(id => "repeated:" + id))
            .Take(maxOffenders)
            .ToList();
        return new ValidationResult(Name, subject, failures == 0, expectedSet.Count, failures, offenders,
            $"{expectedSet.Count} expected, {actualSet.Count} distinct found: {missing.Count} missing, {extra.Count} extra, {repeated.Count} repeated");
    }

    /// <summary>Every value of <paramref name="column"/> in <paramref name="table"/>, as text.</summary>
    public static async Task<List<string>> ReadIdsAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST({SqliteMigrationExtensions.QuoteIdentifier(column)} AS TEXT) FROM {SqliteMigrationExtensions.QuoteIdentifier(table)}";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? "(null)" : reader.GetString(0));
        }

        return ids;
    }
}
