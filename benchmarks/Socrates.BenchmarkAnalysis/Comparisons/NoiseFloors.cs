namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>
/// The statistical settings of a comparison. A difference whose point estimate is within
/// <see cref="Relative"/> of no change (|ratio - 1| &lt; Relative), or whose medians differ by
/// less than <see cref="AbsoluteNs"/> nanoseconds, counts as no difference at all (in the style
/// of dotnet/performance's ResultsComparer threshold and noise options).
/// </summary>
public sealed record NoiseFloors(double Confidence, double Relative, double AbsoluteNs)
{
    public const double DefaultConfidence = 0.99;
    public const double DefaultRelative = 0.02;
    public const double DefaultAbsoluteNs = 0.5;

    public static NoiseFloors Default { get; } = new(DefaultConfidence, DefaultRelative, DefaultAbsoluteNs);
}
