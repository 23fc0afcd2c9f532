using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Tests.Statistics;

[Trait("Category", "Unit")]
public sealed class StudentTDistributionTests
{
    // Published two-sided table values (e.g. any statistics text's t table), read as one-sided quantiles.
    [Theory]
    [InlineData(0.975, 1, 12.706)]
    [InlineData(0.99, 2, 6.965)]
    [InlineData(0.99, 4, 3.747)]
    [InlineData(0.975, 4, 2.776)]
    [InlineData(0.99, 9, 2.821)]
    [InlineData(0.95, 9, 1.833)]
    [InlineData(0.99, 30, 2.457)]
    [InlineData(0.995, 120, 2.617)]
    public void Quantile_TableValues_MatchToThreeDecimals(double p, int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(p, degreesOfFreedom), 3);
    }

    [Fact]
    public void Cdf_SymmetricAndMonotone_ApproachesNormalForManyDegrees()
    {
        Assert.Equal(0.5, StudentTDistribution.Cdf(0, 7), 12);
        Assert.Equal(1, StudentTDistribution.Cdf(1.3, 5) + StudentTDistribution.Cdf(-1.3, 5), 12);
        var previous = 0.0;
        for (var t = -6.0; t <= 6; t += 0.25)
        {
            var cdf = StudentTDistribution.Cdf(t, 3);
            Assert.True(cdf >= previous, $"CDF decreased at t = {t}");
            previous = cdf;
        }

        Assert.Equal(NormalDistribution.Cdf(1.5), StudentTDistribution.Cdf(1.5, 400), 3);
        Assert.Equal(0.75, StudentTDistribution.Cdf(1, 1), 12);
    }

    [Fact]
    public void Quantile_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(0.5, 0));
        Assert.Equal(-StudentTDistribution.Quantile(0.9, 6), StudentTDistribution.Quantile(0.1, 6), 10);
    }
}
