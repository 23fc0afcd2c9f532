using System.Text.Json;
using Socrates.Core.Pickle;
using Socrates.Core.Tests.Pickle;
using Socrates.Core.V1;

namespace Socrates.Core.Tests.V1;

/// <summary>Reads <c>fixtures/v1/sample-v1.db</c>, written by CPython's sqlite3 and pickle as the V1 app did.</summary>
[Trait("Category", "Unit")]
public sealed class LegacyStoreSampleDatabaseTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private sealed record ManifestRow(string Table, string Id, string Expected, int Protocol);

    private static List<ManifestRow> Manifest()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(V1FixtureFiles.Root, "sample-v1.manifest.json")));
        return document.RootElement.EnumerateArray()
            .Select(e => new ManifestRow(
                e.GetProperty("table").GetString()!, e.GetProperty("id").GetString()!,
                e.GetProperty("expected").GetString()!, e.GetProperty("protocol").GetInt32()))
            .ToList();
    }

    [Fact]
    public async Task ReadAllRowsAsync_EveryBlobTable_StreamsRowsThatUnpickleToExpected()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);
        var manifest = Manifest();
        var seen = 0;

        foreach (var table in V1Schema.BlobTables)
        {
            await foreach (var row in database.Store.ReadAllRowsAsync(table, s_none))
            {
                var expected = manifest.Single(m => m.Table == table && m.Id == row.Id);
                var value = LegacyStore.UnpickleRow(row);
                var difference = PyValueComparer.Ordered.FindDifference(
                    PyTaggedJson.Parse(await File.ReadAllTextAsync(Path.Combine(V1FixtureFiles.Root, "expected", expected.Expected))), value);
                Assert.True(difference is null, $"{table}/{row.Id}: {difference}");
                Assert.Equal(expected.Protocol, row.Blob![1]); // PROTO byte: rows written by several app versions
                seen++;
            }
        }

        Assert.Equal(manifest.Count, seen);
    }

    [Fact]
    public async Task ReadAllRowsAsync_Columns_ComeWithTheirSqliteTypes()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);

        var usage = await database.Store.ReadAllRowsAsync(V1Schema.LlmUsage, s_none).FirstAsync();
        var key = await database.Store.ReadAllRowsAsync(V1Schema.ApiKeys, s_none).SingleAsync();

        Assert.Equal("alice", usage.Columns["user_id"]);
        Assert.Equal(0.010761, usage.Columns["cost"]);
        Assert.Equal("2024-05-02T17:45:58.000012", usage.Columns["timestamp"]);
        Assert.Equal("key_alice_claude", key.Id);
        Assert.Null(key.Blob);
        Assert.Null(key.Columns["last_used_at"]);
    }

    [Fact]
    public async Task TypedLoads_OnCPythonDatabase_ReturnExpectedDicts()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);
        var store = database.Store;

        foreach (var row in Manifest())
        {
            var loaded = row.Table switch
            {
                V1Schema.Projects => await store.LoadProjectAsync(row.Id, s_none),
                V1Schema.Users => await store.LoadUserAsync(row.Id, s_none),
                V1Schema.ProjectNotes => await store.LoadNoteAsync(row.Id, s_none),
                V1Schema.QuestionEffectiveness => await store.LoadQuestionEffectivenessAsync(row.Id, s_none),
                V1Schema.BehaviorPatterns => await store.LoadBehaviorPatternAsync(row.Id, s_none),
                V1Schema.KnowledgeDocuments => await store.LoadKnowledgeDocumentAsync(row.Id, s_none),
                V1Schema.LlmProviderConfigs => await store.LoadLlmProviderConfigAsync(row.Id, s_none),
                V1Schema.LlmUsage => await store.LoadLlmUsageAsync(row.Id, s_none),
                _ => throw new InvalidOperationException(row.Table),
            };
            var expected = PyTaggedJson.Parse(await File.ReadAllTextAsync(Path.Combine(V1FixtureFiles.Root, "expected", row.Expected)));
            Assert.True(PyValueComparer.Ordered.Equals(expected, loaded), $"{row.Table}/{row.Id}");
        }

        Assert.Equal("alice", (await store.LoadApiKeyAsync("key_alice_claude", s_none))?.UserId);
    }

    [Fact]
    public async Task GetUserProjectsAsync_OnCPythonDatabase_FindsOwnedAndSharedProjects()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);

        var alice = await database.Store.GetUserProjectsAsync("alice", s_none);
        var bob = await database.Store.GetUserProjectsAsync("bob", s_none);

        // proj_0001 lists alice as collaborator (old field); proj_7f3a9c2e is hers.
        Assert.Equal(["proj_0001", "proj_7f3a9c2e"], alice.Select(p => (string)p["project_id"]!));
        Assert.Equal(["proj_0001", "proj_7f3a9c2e"], bob.Select(p => (string)p["project_id"]!));
        // carol owns proj_extra_01 and is a collaborator of proj_7f3a9c2e.
        Assert.Equal(["proj_7f3a9c2e", "proj_extra_01"], (await database.Store.GetUserProjectsAsync("carol", s_none)).Select(p => (string)p["project_id"]!));
        Assert.Empty(await database.Store.GetUserProjectsAsync("dave_not_listed", s_none));
    }

    [Fact]
    public async Task ReadAllRowsAsync_UnknownTable_ThrowsBeforeTouchingSql()
    {
        await using var database = await TemporaryV1Database.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in database.Store.ReadAllRowsAsync("projects; DROP TABLE users", s_none))
            {
            }
        });

        Assert.Contains("not a V1 table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllRowsAsync_CancelledMidStream_Stops()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in database.Store.ReadAllRowsAsync(V1Schema.Projects, cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task CountRowsAsync_SampleDatabase_MatchesManifest()
    {
        await using var database = await TemporaryV1Database.CreateAsync(copyOf: V1FixtureFiles.SampleDatabase);

        foreach (var group in Manifest().GroupBy(m => m.Table))
        {
            Assert.Equal(group.Count(), await database.Store.CountRowsAsync(group.Key, s_none));
        }

        Assert.Equal(1L, await database.Store.CountRowsAsync(V1Schema.ApiKeys, s_none));
    }
}
