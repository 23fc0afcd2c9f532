using Microsoft.Data.Sqlite;
using Socrates.Testing.Integrity;
using Socrates.Testing.Profiles;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>The generated V1 database of the current profile, and helpers over V2 files.</summary>
internal static class V1Databases
{
    /// <summary>quick ~50 projects x 20 messages, ci ~200 x 50, full 10k x 100; ~2% bad rows; fixed seed.</summary>
    public static V1GenerationOptions ForProfile(int seed = 20261122) => TestProfile.Current.Name switch
    {
        "full" => new V1GenerationOptions(Users: 1_000, Projects: 10_000, MessagesPerProject: 100, seed),
        "ci" => new V1GenerationOptions(Users: 40, Projects: 200, MessagesPerProject: 50, seed),
        _ => new V1GenerationOptions(Users: 10, Projects: 50, MessagesPerProject: 20, seed),
    };

    public static Task<V1GenerationResult> GenerateAsync(string path, V1GenerationOptions? options = null) =>
        V1DatabaseGenerator.GenerateAsync(path, options ?? ForProfile(), CancellationToken.None);

    /// <summary>Row count and an order-independent content digest of every V2 data table (bookkeeping excluded).</summary>
    public static async Task<Dictionary<string, (long Rows, string Digest)>> SnapshotAsync(string v2Path)
    {
        var snapshot = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'migration_%' AND name NOT IN ('schema_history', 'schema_version') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0;
            var digest = new byte[32];
            while (await reader.ReadAsync())
            {
                rows++;
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    text.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }

                var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
                for (var i = 0; i < digest.Length; i++)
                {
                    digest[i] ^= hash[i];
                }
            }

            snapshot[table] = (rows, Convert.ToHexString(digest));
        }

        return snapshot;
    }

    /// <summary>Rows in every V1 table of <paramref name="v1Path"/> (a table the file lacks counts 0).</summary>
    public static async Task<long> CountRowsAsync(string v1Path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v1Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        long total = 0;
        foreach (var table in Socrates.Core.V1.V1Schema.TableNames)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $table";
            command.Parameters.AddWithValue("$table", table);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                continue;
            }

            // The name is one of the fixed V1 table names, checked against sqlite_master above.
            command.CommandText = "SELECT count(*) FROM " + Socrates.Core.Sql.SqlIdentifier.Quote(table);
            command.Parameters.Clear();
            total += Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>The first <paramref name="limit"/> rejects the migration recorded in <paramref name="v2Path"/>, with their reasons.</summary>
    public static async Task<IReadOnlyList<Socrates.Core.Migration.Rejects.StoredReject>> RejectsAsync(string v2Path, int limit)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await Socrates.Core.Migration.Rejects.RejectLog.ReadAsync(connection, null, limit, CancellationToken.None);
    }

    public static string FileDigest(string path) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
