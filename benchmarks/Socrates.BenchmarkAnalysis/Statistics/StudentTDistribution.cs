using Perfolizer.Mathematics.Distributions.ContinuousDistributions;

namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// Student's t quantile, from Perfolizer (BenchmarkDotNet's statistics library: the inverse of the
/// regularized incomplete beta function), for the paired regression's prediction bound. This
/// adapter checks the arguments, so that a bad one is a clear error, and gives the tests one place
/// to pin the library to published values (its distribution is good to about nine digits, far finer than a bound
/// over a handful of stored runs needs).
/// </summary>
public static class StudentTDistribution
{
    /// <summary>The <paramref name="p"/>-quantile of t(<paramref name="degreesOfFreedom"/>), for 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile needs 0 < p < 1.");
        }

        return new StudentDistribution(degreesOfFreedom).Quantile(p);
    }
}
