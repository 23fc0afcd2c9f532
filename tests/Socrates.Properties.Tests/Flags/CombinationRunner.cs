using Socrates.Core.Domain.Comparison;
using Socrates.Core.Flags;
using Socrates.Core.Repositories;

namespace Socrates.Properties.Tests.Flags;

/// <summary>
/// Runs one workload under every valid flag combination, each on fresh databases, and compares
/// every answer with the V1-only baseline (all flags off) through <see cref="EntityComparer"/>.
/// </summary>
public static class CombinationRunner
{
    private static readonly KnownSchemaState s_migrated = new(IsV2SchemaMigrated: true);

    /// <summary>All 2^5 combinations the validator accepts with the V2 schema migrated; the baseline (all off) first.</summary>
    public static IReadOnlyList<SocratesFlags> ValidCombinations { get; } =
        Enumerable.Range(0, 32)
            .Select(bits => new SocratesFlags
            {
                Caching = (bits & 1) != 0,
                LazyLoading = (bits & 2) != 0,
                AsyncDatabase = (bits & 4) != 0,
                V2Reads = (bits & 8) != 0,
                DualRun = (bits & 16) != 0,
            })
            .Where(flags => FlagsValidator.Check(flags, s_migrated).Count == 0)
            .ToList();

    public static string NameOf(SocratesFlags flags) => flags.Enabled().Count == 0 ? "V1-only" : string.Join("+", flags.Enabled());

    /// <summary>Every disagreement of every non-baseline combination on <paramref name="workload"/>.</summary>
    public static async Task<List<FlagDisagreement>> CompareAsync(Workload workload, Action<SocratesFlags>? beforeEach = null)
    {
        List<StepAnswer>? baseline = null;
        var disagreements = new List<FlagDisagreement>();
        foreach (var flags in ValidCombinations)
        {
            beforeEach?.Invoke(flags);
            var answers = await RunAsync(flags, workload);
            if (baseline is null)
            {
                baseline = answers;
                continue;
            }

            for (var i = 0; i < baseline.Count; i++)
            {
                var diff = EntityComparer.Diff(baseline[i].Answer, answers[i].Answer);
                if (diff.Count > 0)
                {
                    disagreements.Add(new FlagDisagreement(NameOf(flags), i, baseline[i].Step, diff[0]));
                }
            }
        }

        return disagreements;
    }

    /// <summary>The workload's answers under <paramref name="flags"/>, on fresh databases.</summary>
    public static async Task<List<StepAnswer>> RunAsync(SocratesFlags flags, Workload workload)
    {
        var layout = new ProjectRepositoryFactory(s_migrated).Describe(flags);
        await using var stores = await WorkloadStores.CreateAsync(layout.Offloading);
        var factory = new ProjectRepositoryFactory(s_migrated, timeProvider: stores.Time);
        var repository = factory.Create(flags, stores.V1, stores.V2);
        return await WorkloadClient.RunAsync(repository, stores.Time, workload);
    }
}
