using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Socrates.Core.Search;

/// <summary>
/// Knowledge entries and their embeddings in SQLite: one row per entry with the embedder name,
/// version and dimension count beside the float32 little-endian blob, so a vector is never read
/// without knowing which function produced it. Interim home of the table until the V2 database
/// owns the schema; every statement is parameterised, every method async and cancellable.
/// </summary>
public sealed class KnowledgeEntryStore
{
    public const string CreateTableSql = """
        CREATE TABLE IF NOT EXISTS knowledge_entries (
            id TEXT PRIMARY KEY NOT NULL,
            content TEXT NOT NULL,
            category TEXT NOT NULL,
            scope TEXT NOT NULL CHECK (scope IN ('global', 'project')),
            project_id TEXT NULL,
            embedder TEXT NOT NULL,
            embedder_version TEXT NOT NULL,
            dims INTEGER NOT NULL CHECK (dims > 0),
            embedding BLOB NOT NULL CHECK (length(embedding) = dims * 4),
            updated_at TEXT NOT NULL,
            CHECK ((scope = 'project' AND project_id IS NOT NULL) OR (scope = 'global' AND project_id IS NULL))
        );
        CREATE INDEX IF NOT EXISTS ix_knowledge_entries_project ON knowledge_entries (project_id) WHERE project_id IS NOT NULL;
        """;

    private const string Columns = "id, content, category, scope, project_id, embedder, embedder_version, dims, embedding, updated_at";

    private readonly string _connectionString;

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    public KnowledgeEntryStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + CreateTableSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Inserts or replaces the entry with its embedding.</summary>
    public Task SaveKnowledgeEntryAsync(EmbeddedKnowledgeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return SaveKnowledgeEntriesAsync([entry], cancellationToken);
    }

    /// <summary>Inserts or replaces many entries in one transaction: all or none.</summary>
    public async Task SaveKnowledgeEntriesAsync(IEnumerable<EmbeddedKnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var entry in entries)
        {
            await SaveAsync(connection, transaction, entry, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, EmbeddedKnowledgeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO knowledge_entries ({Columns})
            VALUES ($id, $content, $category, $scope, $project, $embedder, $version, $dims, $embedding, $updated)
            ON CONFLICT (id) DO UPDATE SET
                content = excluded.content, category = excluded.category, scope = excluded.scope,
                project_id = excluded.project_id, embedder = excluded.embedder,
                embedder_version = excluded.embedder_version, dims = excluded.dims,
                embedding = excluded.embedding, updated_at = excluded.updated_at
            """;
        var e = entry.Entry;
        command.Parameters.AddWithValue("$id", e.Id);
        command.Parameters.AddWithValue("$content", e.Content);
        command.Parameters.AddWithValue("$category", e.Category);
        command.Parameters.AddWithValue("$scope", e.Scope == KnowledgeScope.Project ? "project" : "global");
        command.Parameters.AddWithValue("$project", (object?)e.ProjectId ?? DBNull.Value);
        command.Parameters.AddWithValue("$embedder", entry.EmbedderName);
        command.Parameters.AddWithValue("$version", entry.EmbedderVersion);
        command.Parameters.AddWithValue("$dims", entry.Embedding.Length);
        command.Parameters.Add("$embedding", SqliteType.Blob).Value = VectorBlob.Encode(entry.Embedding);
        command.Parameters.AddWithValue("$updated", entry.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The entry, or null when there is none with that id.</summary>
    public async Task<EmbeddedKnowledgeEntry?> LoadKnowledgeEntryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM knowledge_entries WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>True when a row was deleted.</summary>
    public async Task<bool> DeleteKnowledgeEntryAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM knowledge_entries WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Every entry, in id order.</summary>
    public async IAsyncEnumerable<EmbeddedKnowledgeEntry> GetKnowledgeEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM knowledge_entries ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    public async Task<long> CountKnowledgeEntriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM knowledge_entries";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // WAL with synchronous=NORMAL: a commit is durable against a process crash without an
            // fsync per write (SQLite's recommended pairing); an OS crash may lose the last commits.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static EmbeddedKnowledgeEntry Read(SqliteDataReader reader)
    {
        var id = reader.GetString(0);
        var scopeText = reader.GetString(3);
        var scope = scopeText switch
        {
            "global" => KnowledgeScope.Global,
            "project" => KnowledgeScope.Project,
            _ => throw new KnowledgeStoreException(KnowledgeStoreException.InvalidRow, $"Entry '{id}' has scope '{scopeText}'.", id),
        };
        var entry = new KnowledgeEntry(id, reader.GetString(1), reader.GetString(2), scope, reader.IsDBNull(4) ? null : reader.GetString(4));
        var dims = reader.GetInt32(7);
        var blob = (byte[])reader.GetValue(8);
        return new EmbeddedKnowledgeEntry(
            entry,
            VectorBlob.Decode(blob, dims, id),
            reader.GetString(5),
            reader.GetString(6),
            DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }
}
