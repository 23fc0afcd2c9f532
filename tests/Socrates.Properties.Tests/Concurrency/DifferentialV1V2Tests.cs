using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;
using Socrates.Testing.Properties;

namespace Socrates.Properties.Tests.Concurrency;

/// <summary>
/// Differential: the V1 legacy store and the V2 database run the same generated sequential
/// workload (save / load / delete / get-user-projects / count) and must answer the same. V1 is
/// INSERT OR REPLACE, so a V2 save uses the stored version (an unconditional replace). Some saves
/// make the other owner a team member (visible to both, V1's rule). Loads are
/// compared field by field through the domain mappers (<see cref="ProjectContextDict"/>) and
/// <see cref="ProjectDiff"/>; lists by project id; counts by number. Writes
/// <c>concurrency.v1_v2_differences</c>.
/// </summary>
[Trait("Category", "Property")]
public sealed class DifferentialV1V2Tests
{
    private static readonly string[] Owners = ["alice", "bob"];

    [Fact]
    public void SameSequentialWorkload_V1AndV2_SameAnswers()
    {
        var differences = new List<string>();
        long steps = 0;
        var workloads = from seed in Gen.Choose(1, 1_000_000)
                        from length in Gen.Choose(3, 25)
                        from ops in Gen.ListOf(Gen.Choose(0, 99), length)
                        select (Seed: seed, Ops: ops.ToArray());
        var property = Prop.ForAll(Arb.From(workloads), async workload =>
        {
            var found = await RunAsync(workload.Seed, workload.Ops);
            Interlocked.Add(ref steps, workload.Ops.Length);
            if (found.Count > 0)
            {
                lock (differences)
                {
                    differences.AddRange(found.Take(20));
                }

                throw new InvalidOperationException("V1 and V2 differ:" + Environment.NewLine + string.Join(Environment.NewLine, found.Take(20)));
            }
        });

        PropertyFailedException? failure = null;
        try
        {
            PropertyRunner.Check(nameof(SameSequentialWorkload_V1AndV2_SameAnswers), property);
        }
        catch (PropertyFailedException error)
        {
            failure = error;
        }

        var evidence = MetricsWriter.WriteEvidence("properties", "concurrency-v1-v2-differential.json", new { Steps = steps, Differences = differences.Take(50).ToList(), Failure = failure?.Message });
        MetricsWriter.Write("properties", "concurrency.v1_v2_differences", differences.Count, "count", evidence);

        Assert.Null(failure?.Message);
        Assert.True(steps > 50, $"only {steps} steps compared");
    }

    [Fact]
    public async Task SameSequentialWorkload_DropFieldCanary_DifferencesFound()
    {
        // save p0, load p0 (op codes: 0 = save p0 by alice, 16 = load p0), a few times over.
        int[] ops = [0, 16, 0, 16, 0, 16];
        var found = new List<string>();
        using (Socrates.Core.Failpoints.Failpoint.Enable(V2Failpoints.SaveDropField))
        {
            for (var seed = 1; seed <= 5; seed++)
            {
                found.AddRange(await RunAsync(seed, ops));
            }
        }

        Assert.NotEmpty(found);
    }

    private static async Task<List<string>> RunAsync(int seed, int[] ops)
    {
        var directory = Directory.CreateTempSubdirectory("socrates-diff-");
        var differences = new List<string>();
        try
        {
            var v1 = new LegacyStore(new LegacyStoreOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.FullName, "v1.db"), Pooling = false }.ToString() });
            await v1.InitializeAsync(CancellationToken.None);
            await using var v2 = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = Path.Combine(directory.FullName, "v2.db"), Synchronous = SynchronousMode.Normal });
            var generator = new SocratesDataGenerator(seed);
            for (var i = 0; i < ops.Length; i++)
            {
                var id = $"p{ops[i] % 4}";
                var owner = Owners[ops[i] / 4 % 2];
                switch (ops[i] / 8 % 5)
                {
                    case 0:
                    case 1:
                        var project = generator.Project(owner, ProjectShape.Small);
                        project.ProjectId = id;
                        if (ops[i] / 40 == 1)
                        {
                            // Visible to the other owner through team membership only (V1 lists it for both).
                            project.TeamMembers.Add(new TeamMember { Username = Owners[1 - (ops[i] / 4 % 2)], Role = "reviewer" });
                        }

                        await v1.SaveProjectAsync(id, ProjectContextDict.ToDict(project), CancellationToken.None);
                        await v2.SaveProjectAsync(project, await v2.GetProjectVersionAsync(id) ?? 0);
                        break;
                    case 2:
                        var old = await v1.LoadProjectAsync(id, CancellationToken.None);
                        var now = await v2.LoadProjectAsync(id, ProjectLoad.Full);
                        if ((old is null) != (now is null))
                        {
                            differences.Add($"step {i} load {id}: V1 {(old is null ? "absent" : "present")}, V2 {(now is null ? "absent" : "present")}");
                        }
                        else if (old is not null && now is not null)
                        {
                            differences.AddRange(ProjectDiff.Compare(ProjectContextDict.FromDict(old), now).Select(d => $"step {i} load {id}: {d}"));
                        }

                        break;
                    case 3:
                        var deletedV1 = await v1.DeleteProjectAsync(id, CancellationToken.None);
                        var deletedV2 = await v2.DeleteProjectAsync(id);
                        if (deletedV1 != deletedV2)
                        {
                            differences.Add($"step {i} delete {id}: V1 {deletedV1}, V2 {deletedV2}");
                        }

                        break;
                    default:
                        var listV1 = (await v1.GetUserProjectsAsync(owner, CancellationToken.None)).Select(d => ProjectContextDict.FromDict(d).ProjectId).Order(StringComparer.Ordinal).ToList();
                        var listV2 = (await v2.GetUserProjectsAsync(owner, includeArchived: true)).Select(p => p.ProjectId).Order(StringComparer.Ordinal).ToList();
                        var countV2 = await v2.CountUserProjectsAsync(owner, includeArchived: true);
                        if (!listV1.SequenceEqual(listV2, StringComparer.Ordinal) || countV2 != listV1.Count)
                        {
                            differences.Add($"step {i} projects of {owner}: V1 [{string.Join(',', listV1)}], V2 [{string.Join(',', listV2)}] count {countV2}");
                        }

                        break;
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left in temp: harmless.
            }
        }

        return differences;
    }
}
