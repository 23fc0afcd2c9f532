using System.Text.Json;

namespace Socrates.Core.Search.Golden;

/// <summary>
/// The golden corpus (Debian package descriptions) and queries from <c>fixtures/golden</c>,
/// plus the embedder fitted on the corpus: the pinned function the expectations were made with.
/// </summary>
public sealed class GoldenDataset
{
    public const string CorpusFile = "corpus.jsonl";
    public const string QueriesFile = "queries.jsonl";
    public const string ExpectedFile = "expected.jsonl";
    public const int K = 10;

    private GoldenDataset(string directory, IReadOnlyList<KnowledgeEntry> entries, IReadOnlyList<GoldenQuery> queries)
    {
        Directory = directory;
        Entries = entries;
        Queries = queries;
        Embedder = HashingTfIdfEmbedder.Fit(entries.Select(e => e.Content));
    }

    public string Directory { get; }

    public IReadOnlyList<KnowledgeEntry> Entries { get; }

    public IReadOnlyList<GoldenQuery> Queries { get; }

    /// <summary>Fitted on the corpus contents; its version is what <c>expected.jsonl</c> pins.</summary>
    public HashingTfIdfEmbedder Embedder { get; }

    public string ExpectedPath => Path.Combine(Directory, ExpectedFile);

    public static async Task<GoldenDataset> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var entries = new List<KnowledgeEntry>();
        await foreach (var (line, json) in ReadLinesAsync(Path.Combine(directory, CorpusFile), cancellationToken))
        {
            entries.Add(ParseEntry(json, Path.Combine(directory, CorpusFile), line));
        }

        var queries = new List<GoldenQuery>();
        await foreach (var (line, json) in ReadLinesAsync(Path.Combine(directory, QueriesFile), cancellationToken))
        {
            queries.Add(ParseQuery(json, Path.Combine(directory, QueriesFile), line));
        }

        return new GoldenDataset(directory, entries, queries);
    }

    /// <summary>
    /// <c>fixtures/golden</c> in the nearest ancestor of the working directory or of the
    /// application directory that has one.
    /// </summary>
    public static string FindDirectory()
    {
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "fixtures", "golden");
                if (File.Exists(Path.Combine(candidate, CorpusFile)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"No fixtures/golden/{CorpusFile} above '{System.IO.Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'.");
    }

    /// <summary>Every entry embedded with <see cref="Embedder"/> (in parallel; each vector depends only on its text).</summary>
    public IReadOnlyList<VectorRecord> EmbedAll()
    {
        var records = new VectorRecord[Entries.Count];
        Parallel.For(0, Entries.Count, i =>
        {
            var e = Entries[i];
            records[i] = new VectorRecord(e.Id, e.Scope, e.ProjectId, Embedder.Embed(e.Content));
        });
        return records;
    }

    /// <summary>The exact top-<see cref="K"/> of every query: the expectations, computed afresh.</summary>
    public GoldenExpectations ComputeExpectations(IReadOnlyList<VectorRecord>? embedded = null)
    {
        var exact = ExactIndex.Build(embedded ?? EmbedAll(), Embedder.Dimensions, Embedder.Version);
        var results = new GoldenExpectation[Queries.Count];
        Parallel.For(0, Queries.Count, i =>
        {
            var q = Queries[i];
            results[i] = new GoldenExpectation(q.Id, exact.Search(Embedder.Embed(q.Text), Embedder.Version, K, q.Filter));
        });
        return new GoldenExpectations(Embedder.Name, Embedder.Version, K, Entries.Count, results);
    }

    private static async IAsyncEnumerable<(int Line, JsonElement Json)> ReadLinesAsync(
        string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        await foreach (var text in File.ReadLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement element;
            try
            {
                using var document = JsonDocument.Parse(text);
                element = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new GoldenDataFormatException(path, number, "not valid JSON", ex);
            }

            yield return (number, element);
        }
    }

    private static KnowledgeEntry ParseEntry(JsonElement json, string path, int line)
    {
        var scope = RequiredString(json, "scope", path, line) switch
        {
            "global" => KnowledgeScope.Global,
            "project" => KnowledgeScope.Project,
            var other => throw new GoldenDataFormatException(path, line, $"scope '{other}' is neither 'global' nor 'project'"),
        };
        var project = json.TryGetProperty("projectId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        try
        {
            return new KnowledgeEntry(RequiredString(json, "id", path, line), RequiredString(json, "content", path, line),
                RequiredString(json, "category", path, line), scope, project);
        }
        catch (ArgumentException ex)
        {
            throw new GoldenDataFormatException(path, line, ex.Message, ex);
        }
    }

    private static GoldenQuery ParseQuery(JsonElement json, string path, int line)
    {
        if (!json.TryGetProperty("scope", out var scope) || scope.ValueKind != JsonValueKind.Object)
        {
            throw new GoldenDataFormatException(path, line, "missing object 'scope'");
        }

        var filter = RequiredString(scope, "kind", path, line) switch
        {
            "all" => ScopeFilter.All,
            "global" => ScopeFilter.GlobalOnly,
            "project" => ScopeFilter.ProjectOnly(RequiredString(scope, "projectId", path, line)),
            "project-and-global" => ScopeFilter.ProjectAndGlobal(RequiredString(scope, "projectId", path, line)),
            var other => throw new GoldenDataFormatException(path, line, $"scope kind '{other}' is unknown"),
        };
        return new GoldenQuery(RequiredString(json, "id", path, line), RequiredString(json, "text", path, line), filter,
            json.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "");
    }

    private static string RequiredString(JsonElement json, string name, string path, int line) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new GoldenDataFormatException(path, line, $"missing string '{name}'");
}
