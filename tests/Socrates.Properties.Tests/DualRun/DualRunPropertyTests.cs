using FsCheck.Fluent;
using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Core.Flags;
using Socrates.Core.Repositories;
using Socrates.Properties.Tests.Flags;
using Socrates.Testing.Metrics;
using Socrates.Testing.Properties;

namespace Socrates.Properties.Tests.DualRun;

/// <summary>
/// Generated workloads through the dual-run repository, in both directions (V1 serving with V2 as
/// the shadow; cached lazy V2 serving with V1 as the shadow): every read is compared field by
/// field and every write mirrored. Metric <c>dualrun.mismatches</c> must be 0, and so must
/// <c>dualrun.shadow_failures</c> (shadow reads or writes that failed).
/// </summary>
[Trait("Category", "Property")]
public sealed class DualRunPropertyTests
{
    private static readonly KnownSchemaState s_migrated = new(IsV2SchemaMigrated: true);

    /// <summary>The two dual-run stacks: V1 serves (before the switch), V2 serves (after it, every optimisation on).</summary>
    public static IReadOnlyList<SocratesFlags> Stacks { get; } =
    [
        new SocratesFlags { DualRun = true },
        new SocratesFlags { DualRun = true, V2Reads = true, Caching = true, LazyLoading = true },
    ];

    [Fact]
    public void Workload_DualRunBothDirections_NoMismatch()
    {
        var tally = new Tally();
        PropertyFailedException? failure = null;
        var property = Prop.ForAll(WorkloadGenerators.Arbitrary, async workload =>
        {
            var statistics = await RunAsync(workload);
            tally.Add(workload, statistics);
            var bad = statistics.Where(s => s.Statistics.Mismatches + s.Statistics.ShadowReadFailures + s.Statistics.ShadowWriteFailures > 0).ToList();
            if (bad.Count > 0)
            {
                throw new InvalidOperationException("dual-run disagreement: " + string.Join("; ", bad.Select(b =>
                    $"[{b.Stack}] {b.Statistics.Mismatches} mismatches, {b.Statistics.ShadowWriteFailures} shadow write failures; first: " +
                    string.Join(", ", b.Statistics.FirstMismatches.Take(3)))));
            }
        });

        try
        {
            PropertyRunner.Check(nameof(Workload_DualRunBothDirections_NoMismatch), property);
        }
        catch (PropertyFailedException error)
        {
            failure = error;
        }

        var evidence = MetricsWriter.WriteEvidence("properties", "dualrun.json", new
        {
            stacks = Stacks.Select(CombinationRunner.NameOf),
            tally.Workloads,
            tally.Steps,
            tally.ComparedReads,
            tally.Mismatches,
            tally.ShadowFailures,
            firstMismatches = tally.First,
            counterExample = failure?.Message,
        });
        MetricsWriter.Write("properties", "dualrun.mismatches", tally.Mismatches, "count", evidence);
        MetricsWriter.Write("properties", "dualrun.shadow_failures", tally.ShadowFailures, "count", evidence);

        Assert.True(tally.ComparedReads > 0, "no read was compared: the property proves nothing");
        Assert.Null(failure);
        Assert.Equal(0, tally.Mismatches);
        Assert.Equal(0, tally.ShadowFailures);
    }

    [Fact]
    public async Task Workload_V2AnswerDiffersCanary_MismatchesFound()
    {
        var workload = new Workload(
        [
            new WorkloadStep(WorkloadKind.Save, 0, 0, 21, false),
            new WorkloadStep(WorkloadKind.Load, 0, 0, 0, false),
            new WorkloadStep(WorkloadKind.Update, 0, 0, 22, false),
            new WorkloadStep(WorkloadKind.GetUserProjects, 0, 0, 0, true),
        ]);
        var clean = await RunAsync(workload);
        List<(string Stack, DualRunStatistics Statistics)> canary;
        using (Failpoint.Enable(DualRunFailpoints.V2AnswerDiffers))
        {
            canary = await RunAsync(workload);
        }

        Assert.All(clean, s => Assert.Equal(0, s.Statistics.Mismatches));
        Assert.All(canary, s => Assert.True(s.Statistics.Mismatches > 0, $"{s.Stack} found no mismatch"));
        Assert.All(canary, s => Assert.Contains(s.Statistics.FirstMismatches, m => m.FieldPath == "Description" && m.EntityId == "p0"));
    }

    private static async Task<List<(string Stack, DualRunStatistics Statistics)>> RunAsync(Workload workload)
    {
        var results = new List<(string, DualRunStatistics)>();
        foreach (var flags in Stacks)
        {
            var layout = new ProjectRepositoryFactory(s_migrated).Describe(flags);
            await using var stores = await WorkloadStores.CreateAsync(layout.Offloading);
            var repository = new ProjectRepositoryFactory(s_migrated, timeProvider: stores.Time).Create(flags, stores.V1, stores.V2);
            var dual = Assert.IsType<DualRunProjectRepository>(repository);
            await WorkloadClient.RunAsync(dual, stores.Time, workload);
            results.Add((layout.ToString(), dual.GetStatistics()));
        }

        return results;
    }

    private sealed class Tally
    {
        private readonly Lock _gate = new();

        public int Workloads { get; private set; }

        public int Steps { get; private set; }

        public long ComparedReads { get; private set; }

        public long Mismatches { get; private set; }

        public long ShadowFailures { get; private set; }

        public List<DualRunMismatch> First { get; } = [];

        public void Add(Workload workload, List<(string Stack, DualRunStatistics Statistics)> results)
        {
            lock (_gate)
            {
                Workloads++;
                Steps += workload.Steps.Count;
                foreach (var (_, s) in results)
                {
                    ComparedReads += s.ComparedReads;
                    Mismatches += s.Mismatches;
                    ShadowFailures += s.ShadowReadFailures + s.ShadowWriteFailures;
                    First.AddRange(s.FirstMismatches.Take(Math.Max(0, 20 - First.Count)));
                }
            }
        }
    }
}
