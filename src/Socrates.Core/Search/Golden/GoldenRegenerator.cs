using Socrates.Evidence;

namespace Socrates.Core.Search.Golden;

/// <summary>
/// Recomputes the golden expectations (exact top-10 of every query with the corpus-fitted
/// embedder). Verifying is the default: it prints how many queries differ from the committed
/// file and returns 1 when any do. Rewriting the file happens only when asked.
/// </summary>
public static class GoldenRegenerator
{
    public static async Task<int> RunAsync(string? directory, bool regenerate, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var dataset = await GoldenDataset.LoadAsync(directory ?? GoldenDataset.FindDirectory(), cancellationToken);
        var computed = dataset.ComputeExpectations();
        await output.WriteLineAsync($"golden: {dataset.Entries.Count} entries, {dataset.Queries.Count} queries, embedder {computed.Embedder} {computed.EmbedderVersion}");
        if (regenerate)
        {
            AtomicFile.WriteAllText(dataset.ExpectedPath, computed.Serialize());
            await output.WriteLineAsync($"golden: wrote {dataset.ExpectedPath}");
            return 0;
        }

        if (!File.Exists(dataset.ExpectedPath))
        {
            await output.WriteLineAsync($"golden: {dataset.ExpectedPath} does not exist; run with --regenerate to create it.");
            return 1;
        }

        var committed = await GoldenExpectations.ReadAsync(dataset.ExpectedPath, cancellationToken);
        var diffs = committed.Differences(computed);
        foreach (var diff in diffs.Take(20))
        {
            await output.WriteLineAsync("  " + diff);
        }

        await output.WriteLineAsync($"golden: {diffs.Count} difference(s) from {dataset.ExpectedPath}");
        return diffs.Count == 0 ? 0 : 1;
    }
}
