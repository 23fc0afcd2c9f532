using Socrates.Core.Failpoints;
using Socrates.Core.Flags;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Flags;

/// <summary>
/// The startup check (<see cref="StartupConfigurationSweep"/>: 64 flag combinations through the
/// JSON file and the environment, and careless configurations) against the rules as written in
/// the release plan, restated independently of the validator: V2Reads and DualRun need the V2
/// schema migrated; LazyLoading needs V2Reads; what is not a flag set to true/false is refused.
/// Writes <c>flags.unsafe_combinations_accepted</c> (must be 0) and asserts that every safe
/// combination is accepted too (a validator refusing everything is not safe, it is broken).
/// </summary>
[Trait("Category", "Unit")]
public sealed class FlagsCombinationTests
{
    [Fact]
    public void Validate_AllCombinations_RefusesExactlyTheUnsafeOnes()
    {
        var result = StartupConfigurationSweep.Run();

        var evidence = MetricsWriter.WriteEvidence("unit", "flags-combinations.json", result);
        MetricsWriter.Write("unit", "flags.unsafe_combinations_accepted", result.UnsafeAccepted.Count, "count", evidence);

        Assert.Equal(64 + (2 * StartupConfigurationSweep.Careless.Count), result.Cases);
        Assert.Empty(result.UnsafeAccepted);
        Assert.Empty(result.SafeRefused);
    }

    [Fact]
    public void Validate_AcceptAllCanary_UnsafeCombinationsAccepted()
    {
        StartupConfigurationSweep.SweepResult result;
        using (Failpoint.Enable(FlagsFailpoints.ValidatorAcceptsAll))
        {
            result = StartupConfigurationSweep.Run();
        }

        Assert.NotEmpty(result.UnsafeAccepted);
    }

    [Fact]
    public void Validate_LenientBinder_CarelessConfigurationsCounted()
    {
        // A defect the gate's canary does not name: the same sweep must count it.
        StartupConfigurationSweep.SweepResult result;
        using (Failpoint.Enable(FlagsFailpoints.BinderLenient))
        {
            result = StartupConfigurationSweep.Run();
        }

        Assert.Contains(result.UnsafeAccepted, c => c.Contains("misspelt flag in JSON", StringComparison.Ordinal));
        Assert.Contains(result.UnsafeAccepted, c => c.Contains("value 'yes' in the environment", StringComparison.Ordinal));
        Assert.Empty(result.SafeRefused);
    }
}
