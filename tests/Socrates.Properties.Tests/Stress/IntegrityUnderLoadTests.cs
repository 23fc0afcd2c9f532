using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Core.Failpoints;
using Socrates.Testing.Concurrency;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// 1,000+ concurrent versioned updates and appends on a few projects, then the integrity
/// validators (<see cref="StoreIntegrityValidator"/>: SQLite's integrity_check and
/// foreign_key_check, and the conversation ledger: positions without a gap, every stored message
/// acknowledged exactly once) must be clean (<c>stress.corruption</c>), and every
/// acknowledged write must be visible or superseded by a later acknowledged one
/// (<c>stress.lost_updates</c>): each save is a read-modify-write that adds its token to the
/// description, so every acknowledged token must be in the final description (a later
/// acknowledged save carries it forward), and every acknowledged append is at its position.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class IntegrityUnderLoadTests
{
    private const int Clients = 16;
    private const int Projects = 6;

    [Fact]
    public async Task ThousandsOfConcurrentWrites_ThenIntegrity_NoCorruptionNoLostUpdate()
    {
        var result = await RunAsync(Math.Max(1_000, TestProfile.Current.StressOperations));

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-integrity.json", result);
        MetricsWriter.Write("stress", "stress.corruption", result.Corruption, "count", evidence);
        MetricsWriter.Write("stress", "stress.lost_updates", result.LostUpdates, "count", evidence);

        Assert.True(result.Corruption == 0, string.Join("; ", result.Problems));
        Assert.True(result.LostUpdates == 0, string.Join("; ", result.Problems));
        Assert.True(result.AcknowledgedSaves > 50 && result.AcknowledgedAppends > 50, "too few acknowledged writes to judge");
    }

    [Fact]
    public async Task ThousandsOfConcurrentWrites_SkipVersionCheckCanary_LostUpdatesFound()
    {
        IntegrityResult result;
        using (Failpoint.Enable(V2Failpoints.SaveSkipVersionCheck))
        {
            result = await RunAsync(1_000);
        }

        Assert.True(result.LostUpdates > 0, "saves that ignore the version lost nothing?");
    }

    [Fact]
    public async Task ThousandsOfConcurrentWrites_AppendTwiceCanary_CorruptionFound()
    {
        IntegrityResult result;
        using (Failpoint.Enable(V2Failpoints.AppendTwice))
        {
            result = await RunAsync(1_000);
        }

        MetricsWriter.WriteEvidence("stress", "stress-integrity-canary.json", result);
        Assert.True(result.Corruption >= result.AcknowledgedAppends, $"every append was stored twice, yet the validators found only {result.Corruption} problems for {result.AcknowledgedAppends} appends");
        Assert.Contains(result.Problems, p => p.Contains("stored twice", StringComparison.Ordinal));
        Assert.Equal(0, result.LostUpdates);
    }

    private static async Task<IntegrityResult> RunAsync(int operations)
    {
        await using var store = await StressDatabase.CreateAsync(o => o.OperationTimeout = TimeSpan.FromSeconds(30));
        var db = store.Database;
        for (var p = 0; p < Projects; p++)
        {
            await db.SaveProjectAsync(StressDatabase.Project($"p{p}", "seed"), 0);
        }

        var saves = new ConcurrentBag<(string Id, long Version, string Value)>();
        var appends = new ConcurrentBag<(string Id, long Position, string Content)>();
        var indeterminate = new ConcurrentBag<string>();
        var problems = new ConcurrentQueue<string>();
        var perClient = operations / Clients + 1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 13 + 1);
            for (var i = 0; i < perClient; i++)
            {
                var id = $"p{random.Next(Projects)}";
                var value = $"c{c}-{i}";
                try
                {
                    if (random.Next(2) == 0)
                    {
                        // Read-modify-write: the new description is the old one plus this write's token.
                        var current = await db.LoadProjectAsync(id);

                        // The "modify" of a real caller takes time; SQLite's async calls complete
                        // synchronously, so without a yield here another client would rarely
                        // load the same version between this load and this save, and a save that
                        // ignored the version would seldom lose anything.
                        await Task.Yield();
                        var saved = await db.SaveProjectAsync(StressDatabase.Project(id, current!.Description + "," + value), current.Version);
                        saves.Add((id, saved, value));
                    }
                    else if (await db.AppendMessageAsync(id, new() { Role = "user", Content = value }) is { } position)
                    {
                        appends.Add((id, position, value));
                    }
                }
                catch (ConcurrencyConflictException)
                {
                    // Typed, nothing written: not a lost update.
                }
                catch (DatabaseException error)
                {
                    indeterminate.Add(value); // a failed append may or may not have committed
                    problems.Enqueue($"{value}: {error.Code} {error.Message}");
                }
            }
        })));

        long lost = 0;
        foreach (var group in saves.GroupBy(s => s.Id))
        {
            var stored = await db.LoadProjectAsync(group.Key);
            var tokens = (stored?.Description ?? string.Empty).Split(',').ToHashSet(StringComparer.Ordinal);
            var versions = group.Select(s => s.Version).ToList();
            if (versions.Count != versions.Distinct().Count())
            {
                lost += versions.Count - versions.Distinct().Count();
                problems.Enqueue($"{group.Key}: two acknowledged saves got the same version");
            }

            foreach (var save in group.Where(s => !tokens.Contains(s.Value)))
            {
                lost++;
                problems.Enqueue($"{group.Key}: acknowledged save \"{save.Value}\" (v{save.Version}) is not in the stored description (v{stored?.Version})");
            }
        }

        foreach (var group in appends.GroupBy(a => a.Id))
        {
            var messages = await db.GetProjectMessagesAsync(group.Key, 0, 10_000);
            foreach (var append in group)
            {
                if (append.Position >= messages.Count || messages[(int)append.Position].Content != append.Content)
                {
                    lost++;
                    problems.Enqueue($"{group.Key}: acknowledged append \"{append.Content}\" not at position {append.Position}");
                }
            }
        }

        var path = store.Path;
        await db.DisposeAsync();
        var acknowledged = appends.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Select(a => a.Content).ToHashSet(StringComparer.Ordinal));
        List<string> corrupt;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            corrupt = StoreIntegrityValidator.CheckSqlite(connection);
            corrupt.AddRange(StoreIntegrityValidator.CheckMessageLedger(
                connection, Enumerable.Range(0, Projects).Select(p => $"p{p}"), acknowledged, indeterminate.ToHashSet(StringComparer.Ordinal)));
        }

        return new IntegrityResult(corrupt.Count, lost, saves.Count, appends.Count, [.. corrupt.Take(10), .. problems.Take(20)]);
    }

    private sealed record IntegrityResult(int Corruption, long LostUpdates, int AcknowledgedSaves, int AcknowledgedAppends, List<string> Problems);
}
