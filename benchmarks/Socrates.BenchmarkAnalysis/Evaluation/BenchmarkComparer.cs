using Socrates.BenchmarkAnalysis.Baselines;
using Socrates.BenchmarkAnalysis.Comparisons;
using Socrates.BenchmarkAnalysis.Results;
using Socrates.BenchmarkAnalysis.Statistics;

namespace Socrates.BenchmarkAnalysis.Evaluation;

/// <summary>
/// Turns a benchmark run into comparison outcomes (pure: no files written). See
/// docs/benchmarks.md for what each kind computes; in short, with r = candidate/baseline time:
/// a difference counts only when the Mann-Whitney test finds it significant at the configured
/// confidence AND its estimate is beyond both noise floors; then speedup = 1/r at its lower
/// bound, ratio = r at its upper bound, regression = r - 1 at its upper bound (normalised
/// times). Otherwise the comparison reports "no difference": speedup 1, ratio 1, regression 0.
/// </summary>
public static class BenchmarkComparer
{
    /// <param name="baseline">The stored baseline, or null when there is none.</param>
    /// <param name="baselineProblem">Why <paramref name="baseline"/> is null (missing or invalid file), reported by every regression.</param>
    public static IReadOnlyList<ComparisonOutcome> Compare(
        ComparisonsFile comparisons, BenchmarkRunResults run, BaselineFile? baseline, string? baselineProblem)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(run);
        return [.. comparisons.Comparisons.Select(c => CompareOne(c, comparisons.Reference, run, baseline, baselineProblem))];
    }

    private static ComparisonOutcome CompareOne(
        ComparisonDefinition definition, BenchmarkSelector? reference, BenchmarkRunResults run, BaselineFile? baseline, string? baselineProblem)
    {
        if (definition.Kind == ComparisonKind.Regression)
        {
            return Regression(definition, reference, run, baseline, baselineProblem);
        }

        var (baselineResult, baselineError) = definition.Baseline!.Resolve(run.Benchmarks);
        var (candidateResult, candidateError) = definition.Candidate!.Resolve(run.Benchmarks);
        if (baselineResult is null || candidateResult is null)
        {
            var errors = new[] { baselineError is null ? null : "baseline: " + baselineError, candidateError is null ? null : "candidate: " + candidateError };
            return ComparisonOutcome.ForError(definition, string.Join("; ", errors.Where(e => e is not null)));
        }

        var baselineSide = Side("baseline", baselineResult, "this run", baselineResult.SamplesNs, "ns");
        var candidateSide = Side("candidate", candidateResult, "this run", candidateResult.SamplesNs, "ns");
        if (definition.Measure == ComparisonMeasure.Allocated)
        {
            return AllocatedRatio(definition, baselineSide, candidateSide);
        }

        var (time, error) = TimeComparison.Compute(baselineResult.SamplesNs, candidateResult.SamplesNs, definition.Settings, 1);
        if (time is null)
        {
            return ComparisonOutcome.ForError(definition, error!, baselineSide, candidateSide);
        }

        return definition.Kind == ComparisonKind.Speedup
            ? Timed(definition, time, value: time.IsDifference ? 1 / time.RatioUpper : 1, estimate: 1 / time.Ratio,
                lower: 1 / time.RatioUpper, upper: 1 / time.RatioLower, null, baselineSide, candidateSide)
            : Timed(definition, time, value: time.IsDifference ? time.RatioUpper : 1, estimate: time.Ratio,
                lower: time.RatioLower, upper: time.RatioUpper, null, baselineSide, candidateSide);
    }

    private static ComparisonOutcome Regression(
        ComparisonDefinition definition, BenchmarkSelector? reference, BenchmarkRunResults run, BaselineFile? baseline, string? baselineProblem)
    {
        var (current, currentError) = definition.Benchmark!.Resolve(run.Benchmarks);
        if (current is null)
        {
            return ComparisonOutcome.ForError(definition, "benchmark: " + currentError);
        }

        if (baseline is null)
        {
            return ComparisonOutcome.ForError(definition, baselineProblem ?? "no stored baseline was given");
        }

        var entry = baseline.Find(current.FullName);
        if (entry is null)
        {
            return ComparisonOutcome.ForError(definition, $"the stored baseline (profile {baseline.Profile}, {baseline.CreatedAt:yyyy-MM-dd}) has no entry for '{current.FullName}': write the baseline again with the baseline command");
        }

        if (definition.Measure == ComparisonMeasure.Allocated)
        {
            var baselineBytes = new ComparisonSide("stored baseline", entry.FullName, $"baseline {baseline.Profile} of {baseline.CreatedAt:yyyy-MM-dd}", "bytes", 0, null, null, null, null, null, [], entry.BytesAllocatedPerOperation);
            return AllocatedRatio(definition, baselineBytes, Side("current", current, "this run", [], "bytes"));
        }

        var (referenceResult, referenceError) = (definition.Reference ?? reference!).Resolve(run.Benchmarks);
        if (referenceResult is null)
        {
            return ComparisonOutcome.ForError(definition, "reference: " + referenceError + " (a regression check needs the reference benchmark from the same run)");
        }

        var referenceMedian = SampleStatistics.Median(referenceResult.SamplesNs);
        if (!(referenceMedian > 0))
        {
            return ComparisonOutcome.ForError(definition, $"reference '{referenceResult.FullName}' has a median of {referenceMedian} ns; it must be positive");
        }

        // The stored samples are normalised by the baseline run's file-level reference; an entry
        // with its own reference is re-normalised by that reference's median in the baseline run.
        var baselineReference = baseline.Find(referenceResult.FullName);
        if (baselineReference is null)
        {
            return ComparisonOutcome.ForError(definition, $"the stored baseline has no entry for the reference '{referenceResult.FullName}': write the baseline again with the baseline command");
        }

        var baselineReferenceMedianNs = baselineReference.MedianNs;
        var rescale = baseline.Reference.MedianNs / baselineReferenceMedianNs;
        var baselineSamples = entry.NormalisedSamples.Select(s => s * rescale).ToArray();
        var normalised = current.SamplesNs.Select(s => s / referenceMedian).ToArray();
        var baselineSide = Side("stored baseline", entry.FullName, $"baseline {baseline.Profile} of {baseline.CreatedAt:yyyy-MM-dd}", baselineSamples, entry.BytesAllocatedPerOperation);
        var currentSide = Side("current", current.FullName, "this run", normalised, current.BytesAllocatedPerOperation);
        var (time, error) = TimeComparison.Compute(baselineSamples, normalised, definition.Settings, referenceMedian);
        if (time is null)
        {
            return ComparisonOutcome.ForError(definition, error!, baselineSide, currentSide);
        }

        var normalisation = $"times divided by the median of '{referenceResult.FullName}' in the same run: {referenceMedian:F1} ns now, {baselineReferenceMedianNs:F1} ns when the baseline was written";
        return Timed(definition, time, value: time.IsDifference ? time.RatioUpper - 1 : 0, estimate: time.Ratio - 1,
            lower: time.RatioLower - 1, upper: time.RatioUpper - 1, normalisation, baselineSide, currentSide);
    }

    private static ComparisonOutcome Timed(
        ComparisonDefinition definition, TimeComparison time, double value, double estimate, double lower, double upper,
        string? normalisation, ComparisonSide baseline, ComparisonSide candidate)
    {
        var verdict = time.WithinNoiseFloor
            ? "no difference (within the noise floor)"
            : !time.Significant
                ? "no significant difference"
                : time.Ratio < 1 ? "candidate faster" : "candidate slower";
        return new ComparisonOutcome(
            definition.Id,
            definition.Title,
            ComparisonOutcome.KindName(definition.Kind),
            "time",
            definition.Unit,
            ComparisonOutcome.Ok,
            null,
            value,
            estimate,
            lower,
            upper,
            definition.Settings.Confidence,
            definition.Settings.Relative,
            definition.Settings.AbsoluteNs,
            new SignificanceTest("Mann-Whitney U (two-sided, log times)", time.Test.Method == MannWhitneyMethod.Exact ? "exact" : "normal approximation, tie-corrected", time.Test.U, time.Test.Z, time.Test.PValue, time.Significant),
            time.WithinNoiseFloor,
            verdict,
            normalisation,
            baseline,
            candidate);
    }

    private static ComparisonOutcome AllocatedRatio(ComparisonDefinition definition, ComparisonSide baseline, ComparisonSide candidate)
    {
        if (baseline.BytesAllocatedPerOperation is not { } before || candidate.BytesAllocatedPerOperation is not { } after)
        {
            return ComparisonOutcome.ForError(definition, "no allocation figure (BytesAllocatedPerOperation): run the benchmarks with MemoryDiagnoser", baseline, candidate);
        }

        if (before <= 0 && after > 0)
        {
            return ComparisonOutcome.ForError(definition, $"the baseline allocates 0 bytes per operation and the candidate {after:F0}: the ratio is unbounded", baseline, candidate);
        }

        var ratio = before <= 0 ? 1 : after / before;
        var value = definition.Kind == ComparisonKind.Regression ? ratio - 1 : ratio;
        return new ComparisonOutcome(
            definition.Id,
            definition.Title,
            ComparisonOutcome.KindName(definition.Kind),
            "allocated",
            definition.Unit,
            ComparisonOutcome.Ok,
            null,
            value,
            value,
            value,
            value,
            null,
            null,
            null,
            null,
            null,
            ratio < 1 ? "candidate allocates less" : ratio > 1 ? "candidate allocates more" : "same allocation",
            null,
            baseline,
            candidate);
    }

    private static ComparisonSide Side(string label, BenchmarkResult result, string source, IReadOnlyList<double> samples, string unit) =>
        unit == "bytes"
            ? new ComparisonSide(label, result.FullName, source, unit, 0, null, null, null, null, null, [], result.BytesAllocatedPerOperation)
            : Side(label, result.FullName, source, samples, result.BytesAllocatedPerOperation, unit);

    private static ComparisonSide Side(string label, string fullName, string source, IReadOnlyList<double> samples, double? bytes, string unit = "x reference")
    {
        var sorted = samples.Order().ToArray();
        return new ComparisonSide(
            label,
            fullName,
            source,
            unit,
            sorted.Length,
            sorted.Length == 0 ? null : SampleStatistics.QuantileOfSorted(sorted, 0.5),
            sorted.Length == 0 ? null : SampleStatistics.QuantileOfSorted(sorted, 0.25),
            sorted.Length == 0 ? null : SampleStatistics.QuantileOfSorted(sorted, 0.75),
            sorted.Length == 0 ? null : sorted[0],
            sorted.Length == 0 ? null : sorted[^1],
            samples,
            bytes);
    }
}
