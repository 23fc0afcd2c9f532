namespace Socrates.Properties.Tests.Stress;

/// <summary>A slope and its confidence interval.</summary>
internal sealed record SlopeEstimate(double Slope, double Lower, double Upper, int Points);

/// <summary>
/// The Theil-Sen slope: the median of the slopes between every pair of points. Unlike least
/// squares, a few readings far off the line (a heap reading taken while something else briefly
/// held memory) barely move it. The interval is Sen's: distribution-free, from the ranks of the
/// pairwise slopes (Kendall's S under no trend), so it needs no assumption about the noise's shape.
/// </summary>
internal static class TheilSen
{
    /// <summary>Above this many points the series is thinned evenly: n² pairwise slopes stay cheap.</summary>
    public const int MaxPoints = 400;

    /// <summary>Two-sided 99%: z of the standard normal at 0.995.</summary>
    public const double Z99 = 2.5758;

    public static SlopeEstimate Estimate(IReadOnlyList<(double X, double Y)> points, double z = Z99)
    {
        var series = Thin(points);
        var n = series.Count;
        if (n < 3)
        {
            throw new ArgumentException($"A slope with an interval needs at least 3 points, got {n}.", nameof(points));
        }

        var slopes = new List<double>(n * (n - 1) / 2);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = series[j].X - series[i].X;
                if (dx != 0)
                {
                    slopes.Add((series[j].Y - series[i].Y) / dx);
                }
            }
        }

        slopes.Sort();
        var count = slopes.Count;
        var median = count % 2 == 1 ? slopes[count / 2] : (slopes[(count / 2) - 1] + slopes[count / 2]) / 2;

        // Sen (1968): with C = z·sqrt(Var S), the interval runs from the (N - C)/2-th to the
        // ((N + C)/2 + 1)-th ordered slope (1-based).
        var c = z * Math.Sqrt(n * (n - 1.0) * ((2.0 * n) + 5) / 18);
        var lower = (int)Math.Floor((count - c) / 2);
        var upper = (int)Math.Ceiling((count + c) / 2);
        return new SlopeEstimate(median, slopes[Math.Clamp(lower - 1, 0, count - 1)], slopes[Math.Clamp(upper, 0, count - 1)], n);
    }

    private static IReadOnlyList<(double X, double Y)> Thin(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count <= MaxPoints)
        {
            return points;
        }

        var step = (double)(points.Count - 1) / (MaxPoints - 1);
        return [.. Enumerable.Range(0, MaxPoints).Select(i => points[(int)Math.Round(i * step)])];
    }
}
