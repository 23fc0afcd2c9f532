using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.Steps;

/// <summary>
/// A step defined by SQL text; its checksum is the SHA-256 of that text. The declared footprint
/// is cross-checked against what <see cref="DdlFootprintParser"/> reads from the DDL: every
/// create, alter and drop in the SQL must be declared and every declared one must be in the SQL,
/// and every read the SQL shows must be declared (declared reads may go further, e.g. for DML).
/// Columns of a declared table create are implied. The effective footprint is the union.
/// </summary>
public sealed class SqlMigrationStep : IMigrationStep
{
    public SqlMigrationStep(int version, string description, string sql, MigrationFootprint declared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(declared);
        Version = version;
        Description = description;
        Sql = sql;
        Checksum = MigrationChecksum.Of(sql);
        var parsed = ParseOrThrow(version, sql);
        var differences = Compare(declared, parsed.Footprint);
        if (differences.Count > 0)
        {
            throw new FootprintMismatchException(version, differences);
        }

        Unrecognised = parsed.Unrecognised;
        Footprint = new MigrationFootprint
        {
            Creates = declared.Creates.Union(parsed.Footprint.Creates).ToHashSet(),
            Alters = declared.Alters.ToHashSet(),
            Drops = declared.Drops.ToHashSet(),
            Reads = declared.Reads.Union(parsed.Footprint.Reads).ToHashSet(),
            After = declared.After.ToHashSet(),
        };
    }

    public int Version { get; }

    public string Description { get; }

    public string Sql { get; }

    public string Checksum { get; }

    public MigrationFootprint Footprint { get; }

    /// <summary>Statements the parser did not interpret (their effects come from the declaration only).</summary>
    public IReadOnlyList<string> Unrecognised { get; }

    /// <summary>A step whose footprint is exactly what its SQL shows (for fixtures and simple DDL).</summary>
    public static SqlMigrationStep FromSqlOnly(int version, string description, string sql, IEnumerable<int>? after = null)
    {
        var parsed = ParseOrThrow(version, sql).Footprint;
        var declared = parsed with
        {
            Creates = parsed.Creates.Where(c => c.Kind != SchemaObjectKind.Column || !parsed.Creates.Contains(SchemaObject.ForTable(c.Table))).ToHashSet(),
            After = (after ?? []).ToHashSet(),
        };
        return new SqlMigrationStep(version, description, sql, declared);
    }

    public async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DdlFootprint ParseOrThrow(int version, string sql)
    {
        try
        {
            return DdlFootprintParser.Parse(sql);
        }
        catch (FormatException error)
        {
            throw new MigrationException(
                MigrationErrorCode.InvalidStepDefinition,
                $"Migration step {version}: its SQL could not be read: {error.Message}",
                new Dictionary<string, string> { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                error);
        }
    }

    private static List<string> Compare(MigrationFootprint declared, MigrationFootprint parsed)
    {
        var differences = new List<string>();
        var declaredTables = declared.Creates.Where(c => c.Kind == SchemaObjectKind.Table).Select(c => c.Table).ToHashSet();
        var parsedCreates = parsed.Creates
            .Where(c => c.Kind != SchemaObjectKind.Column || !declaredTables.Contains(c.Table) || declared.Creates.Contains(c))
            .ToHashSet();
        Diff("creates", declared.Creates, parsedCreates, differences);
        Diff("alters", declared.Alters, parsed.Alters, differences);
        Diff("drops", declared.Drops, DropsComparable(parsed.Drops, declared.Drops), differences);
        foreach (var read in parsed.Reads.Where(r => !declared.Reads.Contains(r)))
        {
            differences.Add($"reads {read} in SQL but not declared");
        }

        return differences;
    }

    // DROP INDEX names no table; a declared drop of the same index with its table matches it.
    private static HashSet<SchemaObject> DropsComparable(IReadOnlySet<SchemaObject> parsed, IReadOnlySet<SchemaObject> declared) =>
        parsed.Select(p => p.Kind == SchemaObjectKind.Index
                ? declared.FirstOrDefault(d => d.Kind == SchemaObjectKind.Index && d.Name == p.Name) ?? p
                : p)
            .ToHashSet();

    private static void Diff(string verb, IReadOnlySet<SchemaObject> declared, IReadOnlySet<SchemaObject> parsed, List<string> differences)
    {
        foreach (var item in parsed.Where(p => !declared.Contains(p)))
        {
            differences.Add($"{verb} {item} in SQL but not declared");
        }

        foreach (var item in declared.Where(d => !parsed.Contains(d)))
        {
            differences.Add($"declares {verb} {item} but the SQL does not");
        }
    }
}
