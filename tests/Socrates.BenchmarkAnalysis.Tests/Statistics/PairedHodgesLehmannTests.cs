using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class PairedHodgesLehmannTests
{
    [Fact]
    public void Estimate_OneToEight_HandComputedWalshInterval()
    {
        // Walsh averages of 1..8: 36 values, median 4.5. Exact n = 8: P(T+ <= 3) = 5/256 <= 0.025 <
        // P(T+ <= 4) = 7/256, so k = 4: the interval is [W(4), W(33)] = [2, 7].
        double[] differences = [1, 2, 3, 4, 5, 6, 7, 8];

        var shift = PairedHodgesLehmann.Estimate(differences, 0.95);

        Assert.Equal(MannWhitneyMethod.Exact, shift.Method);
        Assert.Equal(4.5, shift.Estimate, 12);
        Assert.Equal(2, shift.Lower, 12);
        Assert.Equal(7, shift.Upper, 12);
    }

    [Fact]
    public void Estimate_TooFewForConfidence_Unbounded()
    {
        // n = 7: P(T+ <= 0) = 1/128 > 0.005, so no 99 % interval exists.
        var shift = PairedHodgesLehmann.Estimate([1, 2, 3, 4, 5, 6, 7], 0.99);

        Assert.False(shift.IsBounded);
    }

    [Fact]
    public void Estimate_ShiftedSymmetricSample_CoversShiftAndAgreesWithTest()
    {
        var noise = new[] { -0.3, 0.25, -0.1, 0.05, 0.2, -0.15, 0.12, -0.22, 0.08, -0.04, 0.31, -0.27, 0.17, -0.09, 0.02, -0.19, 0.14, -0.06, 0.23, -0.11 };
        var shifted = noise.Select(v => v + 0.5).ToArray();

        var shift = PairedHodgesLehmann.Estimate(shifted, 0.99);
        var test = WilcoxonSignedRankTest.Run(shifted);
        var centred = PairedHodgesLehmann.Estimate(noise, 0.99);
        var centredTest = WilcoxonSignedRankTest.Run(noise);

        Assert.InRange(0.5, shift.Lower, shift.Upper);
        Assert.True(shift.Lower > 0);
        Assert.True(test.IsSignificant(0.99));
        Assert.InRange(0.0, centred.Lower, centred.Upper);
        Assert.False(centredTest.IsSignificant(0.99));
    }

    [Fact]
    public void Estimate_IntervalMatchesTestDecision_AtTheBoundary()
    {
        // The exact interval excludes 0 exactly when the exact two-sided test rejects: check by
        // sliding a sample across 0.
        double[] basis = [0.11, 0.23, 0.37, 0.41, 0.53, 0.67, 0.71, 0.83, 0.97, 1.09];
        for (var offset = -1.2; offset <= 0.2; offset += 0.013)
        {
            var sample = basis.Select(v => v + offset).ToArray();
            if (sample.Any(v => v == 0))
            {
                continue;
            }

            var shift = PairedHodgesLehmann.Estimate(sample, 0.95);
            var test = WilcoxonSignedRankTest.Run(sample);
            if (test.Method != MannWhitneyMethod.Exact)
            {
                continue;
            }

            var excludesZero = shift.Lower > 0 || shift.Upper < 0;
            Assert.True(excludesZero == test.IsSignificant(0.95), $"offset {offset}: interval [{shift.Lower}, {shift.Upper}], p {test.PValue}");
        }
    }
}
