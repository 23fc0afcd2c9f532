using Microsoft.Data.Sqlite;
using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Core.Repositories;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Rehearsal;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The dual-run comparison on a migrated database: V1 (the old code on the V1 file) against V2 (the
/// new code on the migrated file), through <see cref="DualRunProjectRepository"/>: every project
/// loaded, every user's project list read (with and without archived projects), each answer
/// compared field by field. The rows the migration rejected (each with its reason, counted by the
/// accounting gates) are taken out of the V1 side first: the answers are compared on what was
/// migrated. Generated data by default; the user's own V1 database when rehearsing.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class V1V2AnswersTests(ITestOutputHelper output)
{
    private const string Suite = "integrity";

    [Fact]
    public async Task DualRun_MigratedDatabase_V2AnswersAsV1()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        using var rehearsal = RehearsalDatabase.CopyConfiguredTo(v1);
        if (rehearsal is null)
        {
            await V1Databases.GenerateAsync(v1);
        }

        string? failure = null;
        try
        {
            await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
        }
        catch (V1ToV2MigrationException error)
        {
            failure = error.Message;
        }

        var answers = failure is null ? await CompareAsync(v1, v2, directory.File("v1-migrated-rows.db")) : null;
        var mismatches = answers is null ? 1 : answers.Statistics.Mismatches + answers.Statistics.ShadowReadFailures + answers.Failures.Count;
        var evidence = MetricsWriter.WriteEvidence(Suite, "migration-v1v2-answers.json", new
        {
            profile = TestProfile.Current.Name,
            rehearsal = rehearsal is null ? null : new { path = rehearsal.Source, bytes = rehearsal.Bytes, sha256 = rehearsal.Sha256 },
            failure,
            projects = answers?.Projects,
            users = answers?.Users,
            rejected_projects = answers?.RejectedProjects,
            compared_reads = answers?.Statistics.ComparedReads,
            mismatches = answers?.Statistics.Mismatches,
            shadow_read_failures = answers?.Statistics.ShadowReadFailures,
            failures = answers?.Failures,
            first_mismatches = answers?.Statistics.FirstMismatches,
        });
        MetricsWriter.Write(Suite, "migration.v1v2.answer_mismatches", mismatches, "answers", evidence);
        var source = rehearsal?.Finish();
        output.WriteLine($"{answers?.Projects} projects, {answers?.Users} users, {answers?.Statistics.ComparedReads} answers compared, {mismatches} differing; failure: {failure ?? "none"}");

        Assert.Null(failure);
        Assert.True(answers!.Statistics.ComparedReads > 0, "no answer was compared");
        Assert.True(mismatches == 0, string.Join("; ", answers.Failures.Concat(answers.Statistics.FirstMismatches.Take(5).Select(m => m.ToString()))));
        Assert.True(source?.SourceUnchanged ?? true, $"the user's database changed: sha256 {source?.Sha256Before} before, {source?.Sha256After} after");
    }

    [Fact]
    public async Task DualRun_V2AnswerDiffersCanary_MismatchesFound()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, new Socrates.Testing.Integrity.V1GenerationOptions(Users: 3, Projects: 6, MessagesPerProject: 2, Seed: 17, BadShare: 0));
        await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);

        Answers answers;
        using (Failpoint.Enable(DualRunFailpoints.V2AnswerDiffers))
        {
            answers = await CompareAsync(v1, v2, directory.File("v1-migrated-rows.db"));
        }

        Assert.True(answers.Statistics.Mismatches >= answers.Projects, $"{answers.Statistics.Mismatches} mismatches for {answers.Projects} projects");
    }

    /// <summary>Every project and every user's list, read through the dual-run repository (V1 primary, V2 shadow).</summary>
    private static async Task<Answers> CompareAsync(string v1, string v2, string v1Migrated)
    {
        var rejected = await WithoutRejectedProjectsAsync(v1, v2, v1Migrated);
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = v1Migrated, Pooling = false }.ToString() });
        await using var database = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = v2 });
        var dual = new DualRunProjectRepository(new V1ProjectRepository(store), new V2ProjectRepository(database));
        var projects = await ColumnAsync(v1Migrated, "SELECT project_id FROM projects ORDER BY project_id");
        var users = await ColumnAsync(v1Migrated, "SELECT username FROM users ORDER BY username");
        var failures = new List<string>();
        foreach (var project in projects)
        {
            await ReadAsync(failures, $"LoadProject {project}", () => dual.LoadProjectAsync(project));
        }

        foreach (var user in users)
        {
            await ReadAsync(failures, $"GetUserProjects {user}", () => dual.GetUserProjectsAsync(user));
            await ReadAsync(failures, $"GetUserProjects {user} (archived too)", () => dual.GetUserProjectsAsync(user, includeArchived: true));
        }

        return new Answers(projects.Count, users.Count, rejected, dual.GetStatistics(), failures);
    }

    /// <summary>A V1 read that fails is an answer V1 could not give for a row the migration took: counted, not thrown.</summary>
    private static async Task ReadAsync<T>(List<string> failures, string what, Func<Task<T>> read)
    {
        try
        {
            await read();
        }
        catch (Exception error) when (error is LegacyStoreException or Socrates.Core.Pickle.PickleFormatException or Socrates.Core.Domain.Dicts.DictMappingException)
        {
            failures.Add($"{what}: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>Copies V1 without the project rows the migration rejected; returns how many it took out.</summary>
    private static async Task<int> WithoutRejectedProjectsAsync(string v1, string v2, string destination)
    {
        File.Copy(v1, destination);
        var rejected = (await V1Databases.RejectsAsync(v2, int.MaxValue))
            .Where(r => r.SourceTable == V1Schema.Projects)
            .Select(r => r.EntityId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        foreach (var id in rejected)
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM projects WHERE project_id = $id";
            delete.Parameters.AddWithValue("$id", id);
            await delete.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return rejected.Count;
    }

    private static async Task<List<string>> ColumnAsync(string path, string query)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private sealed record Answers(int Projects, int Users, int RejectedProjects, DualRunStatistics Statistics, IReadOnlyList<string> Failures);
}
