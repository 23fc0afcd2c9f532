namespace Socrates.BenchmarkAnalysis.Statistics;

/// <summary>Order statistics of a sample (linear interpolation between order statistics, as R's type 7).</summary>
public static class SampleStatistics
{
    public static double Median(IReadOnlyList<double> sample) => Quantile(sample, 0.5);

    /// <summary>The <paramref name="probability"/> quantile of <paramref name="sample"/>.</summary>
    public static double Quantile(IReadOnlyList<double> sample, double probability)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (sample.Count == 0)
        {
            throw new ArgumentException("A quantile of an empty sample does not exist.", nameof(sample));
        }

        if (probability is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        }

        var sorted = sample.Order().ToArray();
        return QuantileOfSorted(sorted, probability);
    }

    /// <summary>As <see cref="Quantile"/>, for an already sorted array.</summary>
    public static double QuantileOfSorted(double[] sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
