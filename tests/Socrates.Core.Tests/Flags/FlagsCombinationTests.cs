using Socrates.Core.Failpoints;
using Socrates.Core.Flags;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Flags;

/// <summary>
/// Every combination of the five flags on both schema states (64 cases) against the rules as
/// written in the release plan, restated here independently of the validator:
/// V2Reads and DualRun need the V2 schema migrated; LazyLoading needs V2Reads.
/// Writes <c>flags.unsafe_combinations_accepted</c> (must be 0) and asserts that every safe
/// combination is accepted too (a validator refusing everything is not safe, it is broken).
/// </summary>
[Trait("Category", "Unit")]
public sealed class FlagsCombinationTests
{
    [Fact]
    public void Validate_AllCombinations_RefusesExactlyTheUnsafeOnes()
    {
        var result = Sweep();

        var evidence = MetricsWriter.WriteEvidence("unit", "flags-combinations.json", result);
        MetricsWriter.Write("unit", "flags.unsafe_combinations_accepted", result.UnsafeAccepted.Count, "count", evidence);

        Assert.Equal(64, result.Cases);
        Assert.Empty(result.UnsafeAccepted);
        Assert.Empty(result.SafeRefused);
    }

    [Fact]
    public void Validate_AcceptAllCanary_UnsafeCombinationsAccepted()
    {
        SweepResult result;
        using (Failpoint.Enable(FlagsFailpoints.ValidatorAcceptsAll))
        {
            result = Sweep();
        }

        Assert.NotEmpty(result.UnsafeAccepted);
    }

    private static SweepResult Sweep()
    {
        var unsafeAccepted = new List<string>();
        var safeRefused = new List<string>();
        var cases = 0;
        foreach (var migrated in new[] { false, true })
        {
            for (var bits = 0; bits < 32; bits++)
            {
                cases++;
                var flags = new SocratesFlags
                {
                    Caching = (bits & 1) != 0,
                    LazyLoading = (bits & 2) != 0,
                    AsyncDatabase = (bits & 4) != 0,
                    V2Reads = (bits & 8) != 0,
                    DualRun = (bits & 16) != 0,
                };
                var expectedSafe = (!flags.V2Reads || migrated) && (!flags.DualRun || migrated) && (!flags.LazyLoading || flags.V2Reads);
                var accepted = FlagsValidator.Check(flags, new KnownSchemaState(migrated)).Count == 0;
                var label = $"migrated={migrated} on=[{string.Join(",", flags.Enabled())}]";
                if (accepted && !expectedSafe)
                {
                    unsafeAccepted.Add(label);
                }
                else if (!accepted && expectedSafe)
                {
                    safeRefused.Add(label);
                }
            }
        }

        return new SweepResult(cases, unsafeAccepted, safeRefused);
    }

    private sealed record SweepResult(int Cases, IReadOnlyList<string> UnsafeAccepted, IReadOnlyList<string> SafeRefused);
}
