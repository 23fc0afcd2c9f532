using Microsoft.Data.Sqlite;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class KnowledgeEntryStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"search-store-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_path};Pooling=False";

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task SaveThenLoad_Float32Blob_BitExactRoundTrip()
    {
        var store = new KnowledgeEntryStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        float[] vector = [0f, -0f, 1e-45f, float.Epsilon, -1.5f, 3.4028235e38f, 0.1f, float.NaN];
        var saved = new EmbeddedKnowledgeEntry(new KnowledgeEntry("k1", "content", "cat", KnowledgeScope.Project, "p1"), vector, "emb", "v1",
            new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

        await store.SaveKnowledgeEntryAsync(saved, CancellationToken.None);
        var loaded = await store.LoadKnowledgeEntryAsync("k1", CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(saved.Entry, loaded.Entry);
        Assert.Equal(vector.Select(BitConverter.SingleToInt32Bits), loaded.Embedding.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(("emb", "v1"), (loaded.EmbedderName, loaded.EmbedderVersion));
        Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);
    }

    [Fact]
    public void VectorBlob_Encode_LittleEndianFloat32()
    {
        Assert.Equal(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0 }, VectorBlob.Encode([1f, -2f]));
    }

    [Fact]
    public void VectorBlob_WrongLength_TypedError()
    {
        var ex = Assert.Throws<KnowledgeStoreException>(() => VectorBlob.Decode(new byte[7], 2, "x"));
        Assert.Equal(KnowledgeStoreException.CorruptEmbedding, ex.Code);
        Assert.Equal("x", ex.EntryId);
    }

    [Fact]
    public async Task Save_ExistingId_Replaces()
    {
        var store = new KnowledgeEntryStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.SaveKnowledgeEntryAsync(Entry("a", "one", [1f, 0f]), CancellationToken.None);
        await store.SaveKnowledgeEntryAsync(Entry("a", "two", [0f, 1f]), CancellationToken.None);

        var loaded = await store.LoadKnowledgeEntryAsync("a", CancellationToken.None);

        Assert.Equal("two", loaded!.Entry.Content);
        Assert.Equal([0f, 1f], loaded.Embedding);
        Assert.Equal(1, await store.CountKnowledgeEntriesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task LoadAndDelete_Missing_NullAndFalse()
    {
        var store = new KnowledgeEntryStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);

        Assert.Null(await store.LoadKnowledgeEntryAsync("nope", CancellationToken.None));
        Assert.False(await store.DeleteKnowledgeEntryAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetAll_SeveralEntries_IdOrder()
    {
        var store = new KnowledgeEntryStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await store.SaveKnowledgeEntriesAsync([Entry("c", "x", [1f]), Entry("a", "x", [1f]), Entry("b", "x", [1f])], CancellationToken.None);
        Assert.True(await store.DeleteKnowledgeEntryAsync("b", CancellationToken.None));

        var ids = new List<string>();
        await foreach (var e in store.GetKnowledgeEntriesAsync(CancellationToken.None))
        {
            ids.Add(e.Entry.Id);
        }

        Assert.Equal(["a", "c"], ids);
    }

    [Theory]
    [InlineData("global", "p1")]
    [InlineData("project", null)]
    [InlineData("team", null)]
    public async Task Schema_InvalidScopeRow_RejectedByCheckConstraint(string scope, string? project)
    {
        var store = new KnowledgeEntryStore(ConnectionString);
        await store.EnsureSchemaAsync(CancellationToken.None);
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO knowledge_entries (id, content, category, scope, project_id, embedder, embedder_version, dims, embedding, updated_at)
            VALUES ('x', 'c', 'c', $scope, $project, 'e', 'v', 1, x'0000803F', '2026-01-01')
            """;
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$project", (object?)project ?? DBNull.Value);

        var ex = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    private static EmbeddedKnowledgeEntry Entry(string id, string content, float[] vector) =>
        new(new KnowledgeEntry(id, content, "c", KnowledgeScope.Global, null), vector, "emb", "v1", DateTimeOffset.UnixEpoch);
}
