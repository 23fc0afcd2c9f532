using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Accounting;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Steps;
using Socrates.Core.Migration.Validation;

namespace Socrates.CrashHost;

/// <summary>
/// A generic (not V1/V2) copy workload: a source table <c>items</c> copied into a parent table
/// and a child table of tags, one source row in a hundred rejected by the mapper. Deterministic
/// from the row count, so the expected target is computed in memory and compared with what a
/// (possibly killed and resumed) copy produced.
/// </summary>
public static class CrashWorkload
{
    public const string JobName = "items";
    public const string SourceTable = "items";
    public const int RejectModulus = 100;
    public const int RejectRemainder = 37;

    public const string SourceSql = """
        CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, tags TEXT, amount REAL, payload BLOB);
        """;

    /// <summary>The target tables, as migration steps after the catalog's bookkeeping steps.</summary>
    public static IReadOnlyList<IMigrationStep> TargetSteps { get; } =
    [
        SqlMigrationStep.FromSqlOnly(101, "test workload: copied_items", """
            CREATE TABLE copied_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_upper TEXT NOT NULL, amount REAL, payload BLOB);
            """),
        SqlMigrationStep.FromSqlOnly(102, "test workload: copied_item_tags", """
            CREATE TABLE copied_item_tags (
                item_id INTEGER NOT NULL REFERENCES copied_items (id),
                position INTEGER NOT NULL,
                tag TEXT NOT NULL,
                PRIMARY KEY (item_id, position)
            );
            """),
    ];

    public static IReadOnlyList<IMigrationStep> AllSteps { get; } = [.. MigrationCatalog.BookkeepingSteps, .. TargetSteps];

    public static TableCopyJob Job { get; } = new(JobName, SourceTable, "id", ["name", "tags", "amount", "payload"], Map);

    /// <summary>Creates the source database with <paramref name="rows"/> deterministic rows.</summary>
    public static void CreateSource(string path, int rows)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = SourceSql;
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO items (id, name, tags, amount, payload) VALUES ($id, $name, $tags, $amount, $payload)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var amount = insert.Parameters.Add("$amount", SqliteType.Real);
        var payload = insert.Parameters.Add("$payload", SqliteType.Blob);
        foreach (var item in ExpectedSource(rows))
        {
            id.Value = item.Id;
            name.Value = item.Name;
            tags.Value = item.Tags is null ? DBNull.Value : string.Join(',', item.Tags);
            amount.Value = item.Amount;
            payload.Value = item.Payload;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The source rows, generated (ids are sparse: 1, 3, 5... so keys are not positions).</summary>
    public static IEnumerable<SourceItem> ExpectedSource(int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            var id = (2L * i) + 1;
            var tagCount = (int)(id % 4);
            string[]? tags = tagCount == 0 ? null : [.. Enumerable.Range(0, tagCount).Select(t => $"tag{(id + t) % 17}")];
            var payload = new byte[(int)(id % 64)];
            for (var b = 0; b < payload.Length; b++)
            {
                payload[b] = (byte)((id * 31) + b);
            }

            yield return new SourceItem(id, $"item-{id}-é", tags, id * 1.25, payload);
        }
    }

    public static bool IsRejected(long id) => ((id - 1) / 2) % RejectModulus == RejectRemainder;

    /// <summary>The mapper: parent row + one row per tag; one row in a hundred (the 38th) is rejected.</summary>
    public static RowMapping Map(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = (long)row.Key;
        if (IsRejected(id))
        {
            return RowMapping.Reject("name", $"workload rejects row {RejectRemainder} of every {RejectModulus}", row["name"] as string);
        }

        var name = (string)row["name"]!;
        var rows = new List<TargetRow>
        {
            TargetRow.Of("copied_items", ("id", id), ("name", name), ("name_upper", name.ToUpperInvariant()), ("amount", row["amount"]), ("payload", row["payload"])),
        };
        if (row["tags"] is string tags)
        {
            var position = 0;
            foreach (var tag in tags.Split(','))
            {
                rows.Add(TargetRow.Of("copied_item_tags", ("item_id", id), ("position", position++), ("tag", tag)));
            }
        }

        return RowMapping.Insert(rows);
    }

    /// <summary>The canonical form of a source item as it must arrive.</summary>
    public static CanonicalEntity Canonical(SourceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return CanonicalEntity.Of(
            ("name", item.Name),
            ("name_upper", item.Name.ToUpperInvariant()),
            ("amount", item.Amount.ToString("R", CultureInfo.InvariantCulture)),
            ("payload", Convert.ToHexStringLower(item.Payload)),
            ("tags", item.Tags is null ? string.Empty : string.Join(',', item.Tags)));
    }

    /// <summary>Reads the target's items back in canonical form, by id.</summary>
    public static async Task<Dictionary<string, CanonicalEntity>> ReadTargetAsync(SqliteConnection target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tags = new Dictionary<long, List<string>>();
        await using (var command = target.CreateCommand())
        {
            command.CommandText = "SELECT item_id, tag FROM copied_item_tags ORDER BY item_id, position";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                if (!tags.TryGetValue(id, out var list))
                {
                    tags[id] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        var items = new Dictionary<string, CanonicalEntity>(StringComparer.Ordinal);
        await using (var command = target.CreateCommand())
        {
            command.CommandText = "SELECT id, name, name_upper, amount, payload FROM copied_items";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = reader.GetInt64(0);
                var payload = await reader.IsDBNullAsync(4, cancellationToken).ConfigureAwait(false) ? [] : (byte[])reader.GetValue(4);
                items[id.ToString(CultureInfo.InvariantCulture)] = CanonicalEntity.Of(
                    ("name", reader.GetString(1)),
                    ("name_upper", reader.GetString(2)),
                    ("amount", reader.GetDouble(3).ToString("R", CultureInfo.InvariantCulture)),
                    ("payload", Convert.ToHexStringLower(payload)),
                    ("tags", tags.TryGetValue(id, out var list) ? string.Join(',', list) : string.Empty));
            }
        }

        return items;
    }

    /// <summary>
    /// Validates a finished copy against the in-memory expectation: row counts, id sets, content,
    /// rejects, accounting, integrity_check and foreign_key_check.
    /// </summary>
    public static async Task<ValidationReport> ValidateAsync(SqliteConnection source, SqliteConnection target, int rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var expected = ExpectedSource(rows).ToList();
        var kept = expected.Where(i => !IsRejected(i.Id)).ToDictionary(i => i.Id.ToString(CultureInfo.InvariantCulture), Canonical, StringComparer.Ordinal);
        var rejected = expected.Where(i => IsRejected(i.Id)).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var actual = await ReadTargetAsync(target, cancellationToken).ConfigureAwait(false);
        var actualIds = await IdSetValidator.ReadIdsAsync(target, "copied_items", "id", cancellationToken).ConfigureAwait(false);
        var rejectIds = (await Socrates.Core.Migration.Rejects.RejectLog.ReadAsync(target, SourceTable, int.MaxValue, cancellationToken).ConfigureAwait(false))
            .Select(r => r.EntityId).ToList();

        var account = await MigrationAccounting.CountAsync(source, target, SourceTable,
            (t, ct) => t.CountRowsAsync("copied_items", ct), cancellationToken).ConfigureAwait(false);
        var report = new ValidationReport()
            .Add(RowCountValidator.Validate("items -> copied_items", kept.Count, actualIds.Count))
            .Add(RowCountValidator.Validate("items source", rows, await source.CountRowsAsync(SourceTable, cancellationToken).ConfigureAwait(false)))
            .Add(IdSetValidator.Validate("copied_items.id", kept.Keys, actualIds))
            .Add(IdSetValidator.Validate("migration_rejects.entity_id", rejected, rejectIds))
            .Add(ContentChecksumValidator.Validate("copied_items content", kept.Keys.Union(actual.Keys),
                id => kept.GetValueOrDefault(id), id => actual.GetValueOrDefault(id)))
            .Add(await RequiredFieldsValidator.ValidateAsync(target, "copied_items", "id", ["name", "name_upper"], cancellationToken).ConfigureAwait(false))
            .Add(RejectsAccountedValidator.Validate(MigrationAccounting.Compute([account])))
            .Add(await IntegrityCheckValidator.ValidateAsync(target, cancellationToken).ConfigureAwait(false))
            .Add(await ForeignKeyCheckValidator.ValidateAsync(target, cancellationToken).ConfigureAwait(false));
        return report;
    }
}

/// <summary>One generated source row.</summary>
public sealed record SourceItem(long Id, string Name, IReadOnlyList<string>? Tags, double Amount, byte[] Payload);
