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

    // Quantiles to six decimals (R's qt; the tables above give three).
    [Theory]
    [InlineData(0.975, 1, 12.706205)]
    [InlineData(0.975, 4, 2.776445)]
    [InlineData(0.99, 4, 3.746947)]
    [InlineData(0.99, 9, 2.821438)]
    public void Quantile_ReferenceValues_MatchToSixDecimals(double p, int degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.Quantile(p, degreesOfFreedom), 6);
    }

    [Fact]
    public void Quantile_MoreDegreesOfFreedom_ShrinksTowardTheNormal()
    {
        var previous = double.PositiveInfinity;
        foreach (var degrees in new[] { 1, 2, 5, 10, 30, 120, 100_000 })
        {
            var quantile = StudentTDistribution.Quantile(0.975, degrees);
            Assert.True(quantile < previous, $"the quantile grew at {degrees} degrees of freedom");
            previous = quantile;
        }

        Assert.Equal(NormalDistribution.Quantile(0.975), previous, 3);
    }

    [Fact]
    public void Quantile_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTDistribution.Quantile(0.5, 0));
        Assert.Equal(-StudentTDistribution.Quantile(0.9, 6), StudentTDistribution.Quantile(0.1, 6), 10);
    }
}
