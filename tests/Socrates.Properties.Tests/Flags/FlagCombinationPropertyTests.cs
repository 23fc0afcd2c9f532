using FsCheck.Fluent;
using Socrates.Core.Failpoints;
using Socrates.Core.Repositories;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Properties;

namespace Socrates.Properties.Tests.Flags;

/// <summary>
/// Flags change speed, never answers: the same generated workload (saves, updates, loads,
/// deletes, user project lists, archive, restore over a few users and projects, Bogus content)
/// runs under every valid flag combination, each on fresh databases, and every answer must
/// equal the V1-only baseline field by field. Metric <c>flags.combination_disagreements</c>.
/// </summary>
[Trait("Category", "Property")]
public sealed class FlagCombinationPropertyTests
{
    [Fact]
    public async Task Workload_EveryValidFlagCombination_AnswersLikeTheV1Baseline()
    {
        var tally = new Tally();
        var failure = await CheckAsync(nameof(Workload_EveryValidFlagCombination_AnswersLikeTheV1Baseline), tally, CasesForProfile());

        var evidence = MetricsWriter.WriteEvidence("properties", "flags-combinations.json", new
        {
            combinations = CombinationRunner.ValidCombinations.Select(CombinationRunner.NameOf),
            tally.Workloads,
            tally.Steps,
            tally.Disagreements,
            firstDisagreements = tally.First,
            counterExample = failure?.Message,
        });
        MetricsWriter.Write("properties", "flags.combination_disagreements", tally.Disagreements, "count", evidence);

        Assert.Equal(24, CombinationRunner.ValidCombinations.Count);
        Assert.True(tally.Workloads > 0 && tally.Steps > 0, "no workload ran");
        Assert.Null(failure);
        Assert.Equal(0, tally.Disagreements);
    }

    [Fact]
    public async Task Workload_ChangesAnswerCanary_DisagreementsFound()
    {
        // A fixed workload (the property would also find it, but then shrinks through hundreds of
        // runs): save, load, list, update, load. Small projects have two requirements.
        var workload = new Workload(
        [
            new WorkloadStep(WorkloadKind.Save, 0, 0, 11, false),
            new WorkloadStep(WorkloadKind.Load, 0, 0, 0, false),
            new WorkloadStep(WorkloadKind.GetUserProjects, 0, 0, 0, true),
            new WorkloadStep(WorkloadKind.Update, 0, 0, 12, false),
            new WorkloadStep(WorkloadKind.Load, 0, 0, 0, false),
        ]);
        List<FlagDisagreement> clean = await CombinationRunner.CompareAsync(workload);
        List<FlagDisagreement> disagreements;
        using (Failpoint.Enable(RepositoryFailpoints.CombinationChangesAnswer))
        {
            disagreements = await CombinationRunner.CompareAsync(workload);
        }

        Assert.Empty(clean);
        Assert.NotEmpty(disagreements);
        Assert.All(disagreements, d => Assert.Contains("Caching", d.Combination, StringComparison.Ordinal));
        Assert.Contains(disagreements, d => d.FirstDifference.StartsWith("Requirements", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each case runs the workload 24 times (once per combination, on fresh databases), so the
    /// profile's case count is divided by 4 (quick 7, ci 25, full 125); an explicit
    /// SOCRATES_PBT_MAXTEST is honoured as given.
    /// </summary>
    private static int CasesForProfile() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestProfile.MaxTestVariable))
            ? Math.Max(5, TestProfile.Current.PropertyMaxTest / 4)
            : TestProfile.Current.PropertyMaxTest;

    private static Task<PropertyFailedException?> CheckAsync(string name, Tally tally, int? maxTest)
    {
        var property = Prop.ForAll(WorkloadGenerators.Arbitrary, async workload =>
        {
            var disagreements = await CombinationRunner.CompareAsync(workload);
            tally.Add(workload, disagreements);
            if (disagreements.Count > 0)
            {
                throw new FlagDisagreementException(disagreements);
            }
        });

        try
        {
            PropertyRunner.Check(name, property, maxTest);
            return Task.FromResult<PropertyFailedException?>(null);
        }
        catch (PropertyFailedException failure)
        {
            return Task.FromResult<PropertyFailedException?>(failure);
        }
    }

    private sealed class Tally
    {
        private readonly Lock _gate = new();

        public int Workloads { get; private set; }

        public int Steps { get; private set; }

        public int Disagreements { get; private set; }

        public List<FlagDisagreement> First { get; } = [];

        public void Add(Workload workload, List<FlagDisagreement> disagreements)
        {
            lock (_gate)
            {
                Workloads++;
                Steps += workload.Steps.Count;
                Disagreements += disagreements.Count;
                First.AddRange(disagreements.Take(Math.Max(0, 20 - First.Count)));
            }
        }
    }
}
