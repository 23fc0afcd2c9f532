using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Runs;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Core.V1;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>A row V2's input rules refuse is rejected and accounted for; it never stops the others, the run, a rerun or verify.</summary>
[Trait("Category", "Integrity")]
public sealed class HostileRowTests
{
    private static readonly V1GenerationOptions s_clean = new(Users: 4, Projects: 8, MessagesPerProject: 3, Seed: 7, BadShare: 0);

    public static TheoryData<string, string> HostileKeys => new()
    {
        { V1Schema.Projects, new string('p', 101) },
        { V1Schema.Projects, "proj\0ect" },
        { V1Schema.Users, new string('u', 300) },
    };

    [Theory]
    [MemberData(nameof(HostileKeys))]
    public async Task MigrateAsync_KeyV2Refuses_CompletesWithRejectAndVerifies(string table, string key)
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_clean);
        await (table == V1Schema.Users ? HostileV1Rows.AddUserAsync(v1, key) : HostileV1Rows.AddProjectAsync(v1, key));
        var digest = V1Databases.FileDigest(v1);

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.True(summary.AccountingHolds);
        Assert.Equal(1, summary.RejectedRows);
        Assert.True(summary.Verification?.Clean, summary.Verification?.Report.Describe());
        var reject = Assert.Single(await ReadRejectsAsync(v2));
        Assert.Equal(table, reject.SourceTable);
        Assert.Equal(key, reject.EntityId);
        Assert.False(string.IsNullOrWhiteSpace(reject.Reason));
        Assert.Equal("completed", await RunStatusAsync(v2, summary.RunId));

        var rerun = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);
        Assert.Equal(0, rerun.RowsThisRun);
        var verify = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
        Assert.True(verify.Clean, verify.Report.Describe());
        Assert.Equal(0, verify.RowsLost);
        Assert.Equal(digest, V1Databases.FileDigest(v1));
    }

    [Fact]
    public async Task MigrateAsync_TextInBlobColumn_RejectedAsTextNotAsNull()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_clean);
        await using (var connection = new SqliteConnection($"Data Source={v1};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO projects (project_id, data, created_at, updated_at) VALUES ('text-data', '{\"name\": \"edited by hand\"}', NULL, NULL)";
            await command.ExecuteNonQueryAsync();
        }

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.True(summary.Verification?.Clean, summary.Verification?.Report.Describe());
        var reject = Assert.Single(await ReadRejectsAsync(v2));
        Assert.Equal("text-data", reject.EntityId);
        Assert.Equal("data", reject.Field);
        Assert.Contains("holds TEXT (26 characters), not a pickle BLOB", reject.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("NULL", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("edited by hand", reject.RawExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_PickleOverTheLimit_RejectedNamingTheOptionAndMigratesWhenRaised()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_clean);
        var store = HostileV1Rows.Open(v1);
        var template = (await store.GetAllProjectsAsync(CancellationToken.None))[0];
        var messages = (List<object?>)template["conversation_history"]!;
        var giant = new Dictionary<string, object?>(template, StringComparer.Ordinal)
        {
            ["project_id"] = "giant",
            // The template's own messages, repeated: a long conversation of valid messages.
            ["conversation_history"] = Enumerable.Range(0, 2_000)
                .Select(i => (object?)new Dictionary<string, object?>((Dictionary<string, object?>)messages[i % messages.Count]!, StringComparer.Ordinal))
                .ToList(),
        };
        await store.SaveProjectAsync("giant", giant, CancellationToken.None);
        var limited = new V1ToV2Options { MaxPickleBytes = 64 * 1024 };

        var refused = await V1ToV2Migrator.MigrateAsync(v1, directory.File("limited.db"), limited, null, CancellationToken.None);
        var raised = await V1ToV2Migrator.MigrateAsync(v1, directory.File("raised.db"), null, null, CancellationToken.None);

        Assert.True(refused.Verification?.Clean, refused.Verification?.Report.Describe());
        var reject = Assert.Single(await ReadRejectsAsync(directory.File("limited.db")));
        Assert.Equal("giant", reject.EntityId);
        Assert.Contains("the limit is 65536", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("--max-pickle-mib", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(0, raised.RejectedRows);
        Assert.True(raised.Verification?.Clean, raised.Verification?.Report.Describe());
    }

    private static async Task<IReadOnlyList<StoredReject>> ReadRejectsAsync(string v2)
    {
        await using var connection = new SqliteConnection($"Data Source={v2};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await RejectLog.ReadAsync(connection, null, int.MaxValue, CancellationToken.None);
    }

    private static async Task<string?> RunStatusAsync(string v2, string runId)
    {
        await using var connection = new SqliteConnection($"Data Source={v2};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return await MigrationRuns.StatusAsync(connection, runId, CancellationToken.None);
    }
}
