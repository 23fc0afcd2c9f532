namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>
/// Student's t distribution with an integer number of degrees of freedom: CDF in closed form
/// (the finite trigonometric series of Abramowitz and Stegun 26.7.3 and 26.7.4) and the quantile
/// by bisection on it. Enough for prediction intervals over a handful of stored runs.
/// </summary>
public static class StudentTDistribution
{
    /// <summary>P(T ≤ <paramref name="t"/>) for T ~ t(<paramref name="degreesOfFreedom"/>).</summary>
    public static double Cdf(double t, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        // A = P(|T| < |t|), then the CDF from the symmetry of the distribution.
        var theta = Math.Atan(Math.Abs(t) / Math.Sqrt(degreesOfFreedom));
        double cos2 = Math.Cos(theta) * Math.Cos(theta), sin = Math.Sin(theta);
        double a;
        if (degreesOfFreedom % 2 == 1)
        {
            // Odd: (2/pi) (theta + sin cos (1 + 2/3 cos^2 + 2*4/(3*5) cos^4 + ...)), terms up to cos^(v-3).
            double sum = 0, term = 1;
            if (degreesOfFreedom > 1)
            {
                sum = 1;
                for (var k = 2; k <= degreesOfFreedom - 3; k += 2)
                {
                    term *= cos2 * k / (k + 1);
                    sum += term;
                }
            }

            a = 2 / Math.PI * (theta + (sin * Math.Cos(theta) * sum));
        }
        else
        {
            // Even: sin (1 + 1/2 cos^2 + 1*3/(2*4) cos^4 + ...), terms up to cos^(v-2).
            double sum = 1, term = 1;
            for (var k = 1; k <= degreesOfFreedom - 3; k += 2)
            {
                term *= cos2 * k / (k + 1);
                sum += term;
            }

            a = sin * sum;
        }

        a = Math.Clamp(a, 0, 1);
        return t >= 0 ? 0.5 + (a / 2) : 0.5 - (a / 2);
    }

    /// <summary>The <paramref name="p"/> quantile (0 &lt; p &lt; 1) of t(<paramref name="degreesOfFreedom"/>).</summary>
    public static double Quantile(double p, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile needs 0 < p < 1.");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, degreesOfFreedom);
        }

        // The CDF is increasing: widen until it brackets p, then halve the bracket to machine precision.
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, high); i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < p)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
