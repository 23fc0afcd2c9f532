using System.Collections.Concurrent;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// 100+ concurrent clients hammer three projects with saves, updates, deletes, appends and loads.
/// Every operation has the database's own timeout and a watchdog: an operation still open after
/// <see cref="HangBound"/>, or one the database timed out, counts as a deadlock and is listed.
/// The whole test also has a bound. Writes <c>stress.deadlocks</c>.
/// </summary>
[Trait("Category", "Stress")]
[Collection(StressTestGroup.Name)]
public sealed class DeadlockTests
{
    private const int Clients = 120;
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TestBound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task HundredsOfClients_SameProjects_NoOperationHangs()
    {
        var result = await RunAsync(TestProfile.Current.StressOperations);

        var evidence = MetricsWriter.WriteEvidence("stress", "stress-deadlocks.json", result);
        MetricsWriter.Write("stress", "stress.deadlocks", result.Deadlocks, "count", evidence);

        Assert.True(result.Deadlocks == 0, $"{result.Deadlocks} operations hung; open: {string.Join("; ", result.Hung)}");
        Assert.True(result.Completed >= TestProfile.Current.StressOperations / 2, $"only {result.Completed} operations completed");
    }

    [Fact]
    public async Task HundredsOfClients_ReverseLockOrderCanary_DeadlocksDetectedAndListed()
    {
        DeadlockResult result;
        using (Failpoint.Enable(V2Failpoints.LocksReverseOrder))
        {
            result = await RunAsync(400);
        }

        Assert.True(result.Deadlocks > 0, "the lock-order deadlock went unnoticed");
        Assert.NotEmpty(result.Hung);
        Assert.Contains(result.Hung, h => h.Contains("Delete", StringComparison.Ordinal) || h.Contains("Save", StringComparison.Ordinal));
    }

    private static async Task<DeadlockResult> RunAsync(int operations)
    {
        await using var store = await StressDatabase.CreateAsync(o =>
        {
            o.OperationTimeout = OperationTimeout;
            o.PoolWaitTimeout = OperationTimeout;
        });
        var db = store.Database;
        var hung = new ConcurrentQueue<string>();
        long completed = 0, overloaded = 0, conflicts = 0, timedOut = 0, started = 0;
        using var bound = new CancellationTokenSource(TestBound);
        var open = new ConcurrentDictionary<long, string>();

        async Task OneAsync(int client, int index, Random random)
        {
            var id = $"p{random.Next(3)}";
            var kind = random.Next(6);
            var name = kind switch { 0 => "Save", 1 => "Update", 2 => "Delete", 3 => "Append", 4 => "Collaborator", _ => "Load" };
            var label = $"client {client} op {index}: {name} {id}";
            var key = Interlocked.Increment(ref started);
            open[key] = label;
            Task work = kind switch
            {
                0 => db.SaveProjectAsync(StressDatabase.Project(id, label), 0, bound.Token),
                1 => UpdateAsync(db, id, label, bound.Token) as Task,
                2 => db.DeleteProjectAsync(id, bound.Token),
                3 => db.AppendMessageAsync(id, new() { Role = "user", Content = label }, bound.Token),
                4 => db.AddCollaboratorToProjectAsync(id, $"u{random.Next(3)}", bound.Token),
                _ => db.LoadProjectAsync(id, cancellationToken: bound.Token),
            };
            try
            {
                await work.WaitAsync(HangBound + OperationTimeout + OperationTimeout, bound.Token);
                Interlocked.Increment(ref completed);
            }
            catch (ConcurrencyConflictException)
            {
                Interlocked.Increment(ref conflicts);
            }
            catch (DatabaseOverloadedException)
            {
                Interlocked.Increment(ref overloaded);
            }
            catch (DatabaseTimeoutException)
            {
                // The database's own timeout surfaced a hang: report it with the op.
                Interlocked.Increment(ref timedOut);
                hung.Enqueue(label + " (database timeout)");
            }
            catch (TimeoutException)
            {
                hung.Enqueue(label + " (watchdog)");
            }
            finally
            {
                open.TryRemove(key, out _);
            }
        }

        var perClient = Math.Max(1, operations / Clients);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(31 * c + 7);
            for (var i = 0; i < perClient; i++)
            {
                await OneAsync(c, i, random);
            }
        })).ToArray();
        var all = Task.WhenAll(tasks);
        if (await Task.WhenAny(all, Task.Delay(TestBound)) != all)
        {
            foreach (var label in open.Values)
            {
                hung.Enqueue(label + " (still open at the test bound)");
            }

            await bound.CancelAsync();
        }

        await all;
        return new DeadlockResult(hung.Count, [.. hung.Take(50)], Interlocked.Read(ref completed), overloaded, conflicts, timedOut, Clients * perClient, watch.Elapsed.TotalSeconds);
    }

    private static async Task<long> UpdateAsync(AsyncProjectDatabase db, string id, string value, CancellationToken token)
    {
        var version = await db.GetProjectVersionAsync(id, token) ?? 0;
        return await db.SaveProjectAsync(StressDatabase.Project(id, value), version, token);
    }

    private sealed record DeadlockResult(int Deadlocks, List<string> Hung, long Completed, long Overloaded, long Conflicts, long DatabaseTimeouts, int Operations, double Seconds);
}
