using Socrates.Core.Pickle;
using Socrates.Core.Tests.Pickle;
using Socrates.Core.V1;

namespace Socrates.Core.Tests.V1;

[Trait("Category", "Unit")]
public sealed class LegacyStoreRecordTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private static Dictionary<string, object?> Fixture(string entity) => (Dictionary<string, object?>)V1FixtureFiles.Expected(entity)!;

    [Fact]
    public async Task SaveUserAsync_Fixture_LoadsEqualAndCopiesPasscodeHash()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var user = Fixture("user_full");

        await database.Store.SaveUserAsync("alice", user, s_none);

        Assert.Null(PyValueComparer.Strict.FindDifference(user, await database.Store.LoadUserAsync("alice", s_none)));
        Assert.Equal(user["passcode_hash"], await database.ScalarAsync("SELECT passcode_hash FROM users WHERE username = 'alice'"));
        Assert.Equal("2023-11-02T12:00:00", await database.ScalarAsync("SELECT created_at FROM users"));
        Assert.Null(await database.Store.LoadUserAsync("bob", s_none));
        Assert.Single(await database.Store.GetAllUsersAsync(s_none));
        Assert.True(await database.Store.DeleteUserAsync("alice", s_none));
        Assert.Null(await database.Store.LoadUserAsync("alice", s_none));
    }

    [Fact]
    public async Task SaveUserAsync_Twice_LastWins()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        await database.Store.SaveUserAsync("bob", Fixture("user_old"), s_none);
        var updated = Fixture("user_old");
        updated["passcode_hash"] = "new";

        await database.Store.SaveUserAsync("bob", updated, s_none);

        Assert.Equal("new", (await database.Store.LoadUserAsync("bob", s_none))!["passcode_hash"]);
        Assert.Equal("new", await database.ScalarAsync("SELECT passcode_hash FROM users"));
    }

    [Fact]
    public async Task SaveNoteAsync_ListedByProjectOnly()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var note = Fixture("note");
        await database.Store.SaveNoteAsync("n1", "p1", note, s_none);
        await database.Store.SaveNoteAsync("n2", "p1", note, s_none);
        await database.Store.SaveNoteAsync("n3", "p2", note, s_none);

        Assert.Equal(2, (await database.Store.GetProjectNotesAsync("p1", s_none)).Count);
        Assert.Empty(await database.Store.GetProjectNotesAsync("p9", s_none));
        Assert.Null(PyValueComparer.Strict.FindDifference(note, await database.Store.LoadNoteAsync("n3", s_none)));
        Assert.Null(await database.Store.LoadNoteAsync("n9", s_none));
        Assert.True(await database.Store.DeleteNoteAsync("n1", s_none));
        Assert.Single(await database.Store.GetProjectNotesAsync("p1", s_none));
    }

    [Fact]
    public async Task SaveQuestionEffectivenessAsync_SameUserAndTemplateUnderNewId_ReplacesOtherRow()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var first = Fixture("question_effectiveness");
        await database.Store.SaveQuestionEffectivenessAsync("qe1", first, s_none);
        var second = Fixture("question_effectiveness");
        second["id"] = "qe2";
        second["effectiveness_score"] = 0.900m;

        await database.Store.SaveQuestionEffectivenessAsync("qe2", second, s_none);

        // UNIQUE(user_id, question_template_id) + INSERT OR REPLACE: V1 silently dropped qe1.
        Assert.Null(await database.Store.LoadQuestionEffectivenessAsync("qe1", s_none));
        var loaded = await database.Store.LoadQuestionEffectivenessAsync("qe2", s_none);
        Assert.Equal("0.900", PyDecimal.Format((decimal)loaded!["effectiveness_score"]!));
        Assert.Single(await database.Store.GetUserQuestionEffectivenessAsync("alice", s_none));
        Assert.True(await database.Store.DeleteQuestionEffectivenessAsync("qe2", s_none));
        Assert.Empty(await database.Store.GetUserQuestionEffectivenessAsync("alice", s_none));
    }

    [Fact]
    public async Task SaveQuestionEffectivenessAsync_MissingUserId_ThrowsArgumentNamingKey()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var row = Fixture("question_effectiveness");
        row.Remove("user_id");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => database.Store.SaveQuestionEffectivenessAsync("qe1", row, s_none));

        Assert.Contains("'user_id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveBehaviorPatternAsync_RoundTripsDecimalAndNestedDict()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var pattern = Fixture("behavior_pattern");

        await database.Store.SaveBehaviorPatternAsync("bp1", pattern, s_none);

        Assert.Null(PyValueComparer.Strict.FindDifference(pattern, await database.Store.LoadBehaviorPatternAsync("bp1", s_none)));
        Assert.Equal("2024-02-29T23:59:59.500000", await database.ScalarAsync("SELECT learned_at FROM behavior_patterns"));
        Assert.Single(await database.Store.GetUserBehaviorPatternsAsync("alice", s_none));
        Assert.Null(await database.Store.LoadBehaviorPatternAsync("bp9", s_none));
        Assert.True(await database.Store.DeleteBehaviorPatternAsync("bp1", s_none));
    }

    [Fact]
    public async Task SaveKnowledgeDocumentAsync_WithAndWithoutEmbedding_LoadsEqual()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var withEmbedding = Fixture("knowledge_document");
        var without = Fixture("knowledge_document_no_embedding");

        await database.Store.SaveKnowledgeDocumentAsync("kb_001", withEmbedding, s_none);
        await database.Store.SaveKnowledgeDocumentAsync("kb_002", without, s_none);

        var loaded = await database.Store.LoadKnowledgeDocumentAsync("kb_001", s_none);
        Assert.Equal(64, Assert.IsType<byte[]>(loaded!["embedding"]).Length);
        Assert.Null((await database.Store.LoadKnowledgeDocumentAsync("kb_002", s_none))!["embedding"]);
        Assert.Equal(2, (await database.Store.GetProjectKnowledgeDocumentsAsync("proj_7f3a9c2e", s_none)).Count);
        Assert.True(await database.Store.DeleteKnowledgeDocumentAsync("kb_002", s_none));
        Assert.Null(await database.Store.LoadKnowledgeDocumentAsync("kb_002", s_none));
    }

    [Fact]
    public async Task SaveLlmProviderConfigAsync_SecondConfigForSameProvider_ReplacesFirst()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var config = Fixture("llm_provider_config");
        await database.Store.SaveLlmProviderConfigAsync("c1", config, s_none);

        await database.Store.SaveLlmProviderConfigAsync("c2", config, s_none);

        Assert.Null(await database.Store.LoadLlmProviderConfigAsync("c1", s_none));
        Assert.Null(PyValueComparer.Strict.FindDifference(config, await database.Store.LoadLlmProviderConfigAsync("c2", s_none)));
        Assert.Single(await database.Store.GetUserLlmProviderConfigsAsync("alice", s_none));
        Assert.True(await database.Store.DeleteLlmProviderConfigAsync("c2", s_none));
    }

    [Fact]
    public async Task SaveLlmUsageAsync_CopiesTimestampAndCostColumns()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var usage = Fixture("llm_usage");

        await database.Store.SaveLlmUsageAsync("u1", usage, s_none);
        await database.Store.SaveLlmUsageAsync("u2", Fixture("llm_usage_failed"), s_none);

        Assert.Equal(0.010761, await database.ScalarAsync("SELECT cost FROM llm_usage WHERE id = 'u1'"));
        Assert.Equal("2024-05-02T17:45:58.000012", await database.ScalarAsync("SELECT timestamp FROM llm_usage WHERE id = 'u1'"));
        Assert.Null(PyValueComparer.Strict.FindDifference(usage, await database.Store.LoadLlmUsageAsync("u1", s_none)));
        Assert.Equal(2, (await database.Store.GetUserLlmUsageAsync("alice", s_none)).Count);
        Assert.True(await database.Store.DeleteLlmUsageAsync("u1", s_none));
        Assert.Null(await database.Store.LoadLlmUsageAsync("u1", s_none));
    }

    [Fact]
    public async Task SaveApiKeyAsync_PlainColumns_LoadAndReplaceByUserAndProvider()
    {
        await using var database = await TemporaryV1Database.CreateAsync();
        var key = new ApiKeyRecord("k1", "alice", "claude", "enc", "hash", "2024-01-01T00:00:00", null, null);
        await database.Store.SaveApiKeyAsync(key, s_none);

        Assert.Equal(key, await database.Store.LoadApiKeyAsync("k1", s_none));
        Assert.Null(await database.Store.LoadApiKeyAsync("k9", s_none));

        var rotated = key with { Id = "k2", EncryptedKey = "enc2" };
        await database.Store.SaveApiKeyAsync(rotated, s_none);

        Assert.Null(await database.Store.LoadApiKeyAsync("k1", s_none));
        Assert.Equal([rotated], await database.Store.GetUserApiKeysAsync("alice", s_none));
        Assert.True(await database.Store.DeleteApiKeyAsync("k2", s_none));
        Assert.Empty(await database.Store.GetUserApiKeysAsync("alice", s_none));
    }
}
