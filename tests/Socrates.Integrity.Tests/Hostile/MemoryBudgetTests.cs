using Socrates.Core.Migration.Copying;
using Socrates.Core.V1;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// Auto-tuned batches under a memory budget: a few giant conversations among small projects never
/// take a batch past its share of the budget (measured as the bytes each committed batch read),
/// small rows still get batches that grow, and every row is migrated.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class MemoryBudgetTests
{
    private const long Budget = 2L * 1024 * 1024;
    private const long PickleLimit = 1024L * 1024;
    private static readonly V1GenerationOptions s_small = new(Users: 4, Projects: 120, MessagesPerProject: 2, Seed: 81, BadShare: 0);

    [Fact]
    public async Task MigrateAsync_GiantRowsUnderLowBudget_PeakBatchBytesWithinBudget()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var giants = await AddGiantsAsync(v1, count: 5, targetBytes: 800 * 1024);
        var batches = new BatchLog();

        var summary = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"),
            new V1ToV2Options { MemoryBudgetBytes = Budget, MaxPickleBytes = PickleLimit, BatchCommitted = batches }, null, CancellationToken.None);

        var projects = batches.Of("projects");
        Assert.True(summary.Verification?.Clean, summary.Verification?.Report.Describe());
        Assert.Equal(0, summary.RejectedRows);
        Assert.Equal(s_small.Projects + giants, summary.Tables.Single(t => t.Table == "projects").Migrated);
        // The budget: two batches in flight, so no batch above half of it.
        Assert.All(batches.All, b => Assert.InRange(b.BatchBytes, 0, Budget / 2));
        Assert.Equal(batches.All.Max(b => b.BatchBytes), summary.PeakBatchBytes);
        Assert.InRange(summary.PeakBatchBytes, 1, Budget / 2);
        // Auto-tuning: the first batch is small, small rows grow past it, a batch the budget stopped shrinks the next to what fitted.
        Assert.Equal(TableCopyOptions.AutoTuneStartRows, projects[0].BatchRows);
        Assert.Contains(projects, b => b.BatchRows > TableCopyOptions.AutoTuneStartRows);
        var stopped = Enumerable.Range(0, projects.Count - 1).Where(i => projects[i].BatchRows < projects[i].RowsAsked).ToList();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, i => Assert.Equal(projects[i].BatchRows, projects[i + 1].RowsAsked));
    }

    [Fact]
    public async Task MigrateAsync_GiantRowsWithDefaultBudget_BatchesGoPastTheLowBudget()
    {
        // The same data without the low budget: batches do pass it, so the test above measures the budget's work.
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await AddGiantsAsync(v1, count: 5, targetBytes: 800 * 1024);

        var summary = await V1ToV2Migrator.MigrateAsync(v1, directory.File("v2.db"), null, null, CancellationToken.None);

        Assert.True(summary.PeakBatchBytes > Budget / 2, $"peak batch bytes {summary.PeakBatchBytes}");
    }

    [Fact]
    public async Task MigrateAsync_BudgetBelowTwicePickleLimit_Refused()
    {
        using var directory = new TempDirectory();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => V1ToV2Migrator.MigrateAsync(directory.File("v1.db"), directory.File("v2.db"),
            new V1ToV2Options { MemoryBudgetBytes = PickleLimit, MaxPickleBytes = PickleLimit }, null, CancellationToken.None));
    }

    /// <summary>
    /// Saves <paramref name="count"/> copies of a project with a conversation long enough for a pickle of about
    /// <paramref name="targetBytes"/>, each keyed right after one of the generated projects, so they sit among the small ones.
    /// </summary>
    private static async Task<int> AddGiantsAsync(string v1, int count, int targetBytes)
    {
        var store = HostileV1Rows.Open(v1);
        var projects = await store.GetAllProjectsAsync(CancellationToken.None);
        var template = projects[0];
        var messages = (List<object?>)template["conversation_history"]!;
        var perMessage = Math.Max(1, await PickleSizeAsync(v1, (string)template["project_id"]!) / Math.Max(1, messages.Count + 4));
        var ids = projects.Select(p => (string)p["project_id"]!).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < count; i++)
        {
            var id = ids[(i + 1) * ids.Count / (count + 1)] + "-giant";
            var giant = new Dictionary<string, object?>(template, StringComparer.Ordinal)
            {
                ["project_id"] = id,
                ["conversation_history"] = Enumerable.Range(0, targetBytes / perMessage)
                    .Select(m => (object?)new Dictionary<string, object?>((Dictionary<string, object?>)messages[m % messages.Count]!, StringComparer.Ordinal))
                    .ToList(),
            };
            await store.SaveProjectAsync(id, giant, CancellationToken.None);
        }

        return count;
    }

    private static async Task<int> PickleSizeAsync(string v1, string projectId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={v1};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT length(data) FROM projects WHERE project_id = $id";
        command.Parameters.AddWithValue("$id", projectId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class BatchLog : IProgress<CopyBatchCommitted>
    {
        private readonly List<CopyBatchCommitted> _batches = [];

        public IReadOnlyList<CopyBatchCommitted> All
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        public List<CopyBatchCommitted> Of(string table) => [.. All.Where(b => b.Job.EndsWith(table, StringComparison.Ordinal))];

        public void Report(CopyBatchCommitted value)
        {
            lock (_batches)
            {
                _batches.Add(value);
            }
        }
    }
}
