using FsCheck;
using FsCheck.Fluent;
using Socrates.Core.Failpoints;
using Socrates.Core.Pickle;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;
using Socrates.Testing.Properties;

namespace Socrates.Properties.Tests.Pickle;

[Trait("Category", "Property")]
public sealed class PickleRoundTripPropertyTests
{
    /// <summary>
    /// Measures <c>pickle.roundtrip_failures</c> over a seeded sample of every protocol (written
    /// always, then asserted 0), then runs the same property through FsCheck so a failure comes
    /// with a shrunk counter-example and a replay seed.
    /// </summary>
    [Fact]
    public void Decode_OfEncode_IsIdentity_ForEveryProtocol()
    {
        var seed = PropertySeed.FromEnvironmentOrNew();
        var perProtocol = Math.Max(150, TestProfile.Current.PropertyMaxTest * 3);
        var failures = Measure(seed, perProtocol);

        var evidence = MetricsWriter.WriteEvidence("properties", "pickle-roundtrip.json", new
        {
            Seed = seed.ToString(),
            Cases = perProtocol * 4,
            Failures = failures.Count,
            Examples = failures.Take(10).ToList(),
        });
        MetricsWriter.Write("properties", "pickle.roundtrip_failures", failures.Count, "count", evidence);

        foreach (var protocol in new[] { 2, 3, 4, 5 })
        {
            var arbitrary = Arb.From(
                PyValueGenerators.Value.Select(v => new PyCase(v, protocol)),
                c => PyValueGenerators.CaseArbitrary.Shrinker(c));
            PropertyRunner.Check(
                $"{nameof(Decode_OfEncode_IsIdentity_ForEveryProtocol)}.p{protocol}",
                Prop.ForAll(arbitrary, c => PickleRoundTrip.Check(c) is null));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} round-trip failures (seed {seed}): {string.Join(" | ", failures.Take(3))}");
    }

    /// <summary>The canary: with microseconds dropped on decode, the measured failures must be &gt; 0.</summary>
    [Fact]
    public void RoundTripFailures_WithDropMicrosecondsFailpoint_GoBad()
    {
        var seed = PropertySeed.New();
        int cleanFailures;
        int canaryFailures;
        var cleanEnvironment = !Failpoint.ActiveFromEnvironment.Contains(PickleFailpoints.DecodeDropMicroseconds);
        cleanFailures = cleanEnvironment ? Measure(seed, 100).Count : 0;
        using (Failpoint.Enable(PickleFailpoints.DecodeDropMicroseconds))
        {
            canaryFailures = Measure(seed, 100).Count;
        }

        Assert.Equal(0, cleanFailures);
        Assert.True(canaryFailures > 0, $"the failpoint {PickleFailpoints.DecodeDropMicroseconds} went unnoticed (seed {seed})");

        // And the exact defect: a datetime with microseconds loses them.
        using (Failpoint.Enable(PickleFailpoints.DecodeDropMicroseconds))
        {
            var difference = PickleRoundTrip.Check(new PyCase(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(10), 4));
            Assert.Equal("$: expected datetime 2024-01-02T03:04:05.000001, actual datetime 2024-01-02T03:04:05.000000", difference);
        }
    }

    /// <summary>Failing cases among <paramref name="perProtocol"/> seeded values per protocol 2..5.</summary>
    private static List<string> Measure(PropertySeed seed, int perProtocol)
    {
        var values = Gen.Sample(PyValueGenerators.Value, 40, seed.ToRnd(), perProtocol);
        var failures = new List<string>();
        foreach (var protocol in new[] { 2, 3, 4, 5 })
        {
            foreach (var value in values)
            {
                if (PickleRoundTrip.Check(new PyCase(value, protocol)) is { } difference)
                {
                    failures.Add($"p{protocol} {difference}");
                }
            }
        }

        return failures;
    }
}
