using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

/// <summary>
/// The benchmark gates' V2 canaries inject their defect, and only under their failpoint: each
/// test shows the defect the gate exists to catch (a scan of every project, rollback-journal
/// commits, redundant history reads, a bloating index) without timing anything absolute.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BenchmarkCanaryTests
{
    [Fact]
    public async Task GetUserProjects_FilterInMemoryFailpoint_SameAnswerFromEveryRow()
    {
        await using var test = await TestDatabase.CreateAsync();
        var generator = new SocratesDataGenerator(11);
        var teamMembers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            var project = generator.Project("owner-" + (i % 20), ProjectShape.Small);
            teamMembers.UnionWith(project.TeamMembers.Select(t => t.Username).Where(u => !u.StartsWith("owner-", StringComparison.Ordinal)));
            await test.Database.SaveProjectAsync(project, null);
        }

        // The defect costs time only: the same projects in the same order, for owners and for
        // users who see a project only as a team member.
        foreach (var user in teamMembers.Order(StringComparer.Ordinal).Take(3).Append("owner-3"))
        {
            var expected = await test.Database.GetUserProjectsAsync(user, includeArchived: true);
            List<Socrates.Core.Domain.ProjectContext> scanned;
            using (Failpoint.Enable(V2Failpoints.UserProjectsFilterInMemory))
            {
                scanned = await test.Database.GetUserProjectsAsync(user, includeArchived: true);
            }

            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(p => p.ProjectId), scanned.Select(p => p.ProjectId));
        }

        // ...and it reads every project: ~20 times the rows. Measured as a ratio of the fastest of
        // several interleaved calls (noise on a shared machine only ever adds time), margin 3x.
        var fastestIndexed = TimeSpan.MaxValue;
        var fastestScanned = TimeSpan.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            fastestIndexed = Min(fastestIndexed, await TimeAsync(() => test.Database.GetUserProjectsAsync("owner-3", includeArchived: true)));
            using (Failpoint.Enable(V2Failpoints.UserProjectsFilterInMemory))
            {
                fastestScanned = Min(fastestScanned, await TimeAsync(() => test.Database.GetUserProjectsAsync("owner-3", includeArchived: true)));
            }
        }

        Assert.True(fastestScanned > fastestIndexed * 3, $"filter-in-memory {fastestScanned.TotalMilliseconds:F2} ms against indexed {fastestIndexed.TotalMilliseconds:F2} ms");
    }

    [Fact]
    public async Task Open_NoWalFailpoint_FileInRollbackJournalMode()
    {
        Assert.Equal("wal", await JournalModeAsync(enableNoWal: false));
        Assert.Equal("delete", await JournalModeAsync(enableNoWal: true));
    }

    [Fact]
    public async Task LoadProjectFull_HistoryRereadFailpoint_AllocatesSeveralTimesMore()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(5).Project("owner", ProjectShape.Heavy);
        await test.Database.SaveProjectAsync(project, null);

        var normal = await FewestBytesAsync(test.Database, project.ProjectId, reread: false);
        var reread = await FewestBytesAsync(test.Database, project.ProjectId, reread: true);

        // Four extra reads of 500 messages: about four to five times the bytes; margin 2.5x.
        Assert.True(reread > normal * 2.5, $"history-reread {reread} bytes against {normal} bytes per full load");
        using (Failpoint.Enable(V2Failpoints.LoadHistoryReread))
        {
            var loaded = await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
            Assert.Equal(project.ConversationHistory.Count, loaded!.ConversationHistory.Count);
        }
    }

    [Fact]
    public async Task Open_ContentIndexFailpoint_IndexDuplicatesMessageText()
    {
        var directory = Path.Combine(Path.GetTempPath(), "socrates-v2-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var project = new SocratesDataGenerator(9).Project("owner", ProjectShape.Heavy);
            var plain = await SavedFileBytesAsync(Path.Combine(directory, "plain.db"), project, canary: false);
            var indexed = await SavedFileBytesAsync(Path.Combine(directory, "indexed.db"), project, canary: true);

            Assert.True(indexed > plain * 1.3, $"with the content index {indexed} bytes against {plain} bytes");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> JournalModeAsync(bool enableNoWal)
    {
        string path;
        using (enableNoWal ? Failpoint.Enable(V2Failpoints.SchemaNoWal) : null)
        {
            await using var test = await TestDatabase.CreateAsync();
            path = test.Path;
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string)(await command.ExecuteScalarAsync())!;
        }
    }

    private static async Task<long> FewestBytesAsync(AsyncProjectDatabase database, string projectId, bool reread)
    {
        // Process-wide counter (V2 runs the load on another thread); other tests only ever add
        // bytes, so the fewest of several loads is this load's own figure.
        var fewest = long.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            using var scope = reread ? Failpoint.Enable(V2Failpoints.LoadHistoryReread) : null;
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await database.LoadProjectAsync(projectId, ProjectLoad.Full);
            fewest = Math.Min(fewest, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        return fewest;
    }

    private static async Task<long> SavedFileBytesAsync(string path, Socrates.Core.Domain.ProjectContext project, bool canary)
    {
        using (canary ? Failpoint.Enable(V2Failpoints.SchemaContentIndex) : null)
        {
            await using var database = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = path, Synchronous = SynchronousMode.Normal });
            await database.SaveProjectAsync(project, null);
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return new FileInfo(path).Length;
    }

    private static async Task<TimeSpan> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
