using System.Diagnostics;
using System.Globalization;
using Socrates.Core.Search;
using Socrates.Core.Search.Golden;

namespace Socrates.Testing.Search;

/// <summary>
/// Where does IVF-flat's recall go? Builds the set <c>SpeedAndSweepTests</c> builds (the corpus and
/// its word-dropout variants) with a chosen embedder, answers a chosen query set exactly, and
/// prints recall@10 and the share of rows scanned for every probes value. Behind
/// <c>socrates ivf-sweep</c>; the figures of the Search README's table "Is it the queries or the
/// embedder?" come from it.
/// </summary>
public static class IvfSweepExperiment
{
    private const int K = 10;
    private const double TargetRecall = 0.95;

    public static async Task<int> RunAsync(GoldenDataset dataset, IvfSweepSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var heldOut = settings.Queries switch
        {
            IvfSweepSettings.GoldenQueries => null,
            IvfSweepSettings.HeldOutQueries => dataset.Entries.Where((_, i) => i % IvfSweepSettings.HeldOutStride == 5).ToList(),
            _ => throw new ArgumentException($"Unknown query set '{settings.Queries}' (golden or held-out).", nameof(settings)),
        };
        var embedder = CreateEmbedder(dataset, settings);
        var excluded = heldOut?.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var variants = CorpusVariants.Generate(dataset.Entries, settings.Rows, CorpusVariants.SpeedSetSeed, CorpusVariants.SpeedSetDropout, excluded);
        var records = CorpusVariants.Embed(variants, embedder);
        var queries = (heldOut?.Select(e => e.Content) ?? dataset.Queries.Select(q => q.Text)).Select(embedder.Embed).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        // Calibrated as production calibrates, on a query log: the even queries are the log, the
        // odd ones are swept, so the promise is checked on queries the calibration never saw.
        float[][]? logged = null;
        if (settings.Calibrate)
        {
            (logged, queries) = CalibrationSplit.Of(queries);
        }

        var build = Stopwatch.StartNew();
        var options = new IvfOptions { TrainingIterations = settings.Iterations };
        if (!settings.Calibrate)
        {
            options.CalibrationTargetRecall = null;
        }

        var ivf = IvfIndex.Build(records, embedder.Dimensions, embedder.Version, options, loggedQueries: logged);
        build.Stop();
        var exact = ExactIndex.Build(records, embedder.Dimensions, embedder.Version);
        var exactWatch = Stopwatch.StartNew();
        var truth = queries.Select(q => exact.Search(q, embedder.Version, K, ScopeFilter.All)).ToArray();
        exactWatch.Stop();
        cancellationToken.ThrowIfCancellationRequested();
        var sweep = ProbesSweep.Run(ivf, embedder.Version, queries, truth, records.Count, K);

        await output.WriteLineAsync(Line($"ivf-sweep: {records.Count:N0} rows, {embedder.Name} {embedder.Version}, {queries.Length} {settings.Queries} queries"));
        await output.WriteLineAsync(Line($"ivf-sweep: {ivf.ListCount} lists, default probes {ivf.DefaultProbes}{(settings.Calibrate ? " (calibrated)" : " (pgvector's rule)")}, {settings.Iterations} Lloyd iterations, built in {build.Elapsed.TotalSeconds:F1} s"));
        await output.WriteLineAsync("| probes | recall@10 | rows scanned | queries/s |");
        await output.WriteLineAsync("|---:|---:|---:|---:|");
        foreach (var point in sweep)
        {
            await output.WriteLineAsync(Line($"| {point.Probes}{(point.IsDefault ? " (default)" : "")} | {point.Recall:0.000} | {point.ScannedFraction:P1} | {point.Qps:N0} |"));
        }

        if (ivf.Calibration is { } calibration)
        {
            await output.WriteLineAsync(Line($"ivf-sweep: calibrated on {calibration.Queries} {calibration.Source} (the even queries; the sweep answers the odd ones): promised recall@10 {calibration.Recall:0.000} at probes {calibration.Probes}, measured {sweep.Single(p => p.IsDefault).Recall:0.000}"));
        }

        var first = sweep.FirstOrDefault(p => p.Recall >= TargetRecall);
        await output.WriteLineAsync(Line($"ivf-sweep: exact search {queries.Length / exactWatch.Elapsed.TotalSeconds:N0} queries/s (single timed pass: a shared machine makes queries/s noisy; rows scanned is the stable measure of work)"));
        await output.WriteLineAsync(first is null
            ? "ivf-sweep: no probes value reached recall@10 0.95"
            : Line($"ivf-sweep: recall@10 >= {TargetRecall} first at probes {first.Probes}, scanning {first.ScannedFraction:P1} of the rows"));
        return 0;
    }

    private static IEmbedder CreateEmbedder(GoldenDataset dataset, IvfSweepSettings settings)
    {
        var corpus = dataset.Entries.Select(e => e.Content).ToList();
        switch (settings.Embedder)
        {
            case IvfSweepSettings.Hashing:
                return dataset.Embedder;
            case IvfSweepSettings.Lsa:
                return LsaEmbedder.FitCached(corpus);
            case IvfSweepSettings.WordVectors:
                if (settings.WordVectorsPath is null)
                {
                    throw new ArgumentException("The word-vectors embedder needs a word-vectors file.", nameof(settings));
                }

                var vocabulary = WordVectorSifEmbedder.Vocabulary(corpus.Concat(dataset.Queries.Select(q => q.Text)));
                return WordVectorSifEmbedder.Fit(WordVectors.LoadWinkJson(settings.WordVectorsPath, vocabulary), corpus);
            default:
                throw new ArgumentException($"Unknown embedder '{settings.Embedder}' (hashing, lsa or word-vectors).", nameof(settings));
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
