using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959963984540054, 0.975)]
    [InlineData(-1.959963984540054, 0.025)]
    [InlineData(2.5758293035489004, 0.995)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(1.0, 0.8413447460685429)]
    public void Cdf_TabulatedPoints_MatchToTwelveDigits(double z, double expected) =>
        Assert.Equal(expected, NormalDistribution.Cdf(z), 12);

    [Fact]
    public void Cdf_FarTails_AreTinyAndMonotone()
    {
        Assert.Equal(1, NormalDistribution.Cdf(-8) / 6.220960574271819e-16, 12);
        Assert.True(NormalDistribution.Cdf(-9) < NormalDistribution.Cdf(-8));
        Assert.True(NormalDistribution.Cdf(-9) > 0);
        Assert.Equal(1.0, NormalDistribution.Cdf(40));
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.001, -3.090232306167813)]
    public void Quantile_TabulatedProbabilities_MatchToTwelveDigits(double p, double expected) =>
        Assert.Equal(expected, NormalDistribution.Quantile(p), 12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void Quantile_ProbabilityOutsideOpenInterval_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalDistribution.Quantile(p));
}
