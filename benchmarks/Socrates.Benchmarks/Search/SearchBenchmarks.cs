using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Socrates.Benchmarks.Fixtures;
using Socrates.Core.Search;
using Socrates.Core.Search.Cached;

namespace Socrates.Benchmarks.Search;

/// <summary>
/// Repeated knowledge searches (a fixed rotation of <see cref="QueryCount"/> queries, k = 10, no
/// scope filter) over <see cref="EntryCount"/> generated entries (fixed seed): embedding + IVF
/// search every time (baseline), the same through <see cref="CachedSearchService"/> (after the
/// first round every query is a hit), and embedding + exact search (for the IVF-against-exact ratio).
/// </summary>
public class SearchBenchmarks
{
    public const int EntryCount = 2000;
    public const int QueryCount = 16;

    private static readonly string[] s_words =
    [
        "socratic", "question", "requirement", "database", "schema", "index", "cache", "latency", "python",
        "migration", "pickle", "vector", "embedding", "recall", "project", "phase", "design", "analysis",
        "discovery", "implementation", "team", "skill", "review", "test", "coverage", "deploy", "docker",
        "kubernetes", "queue", "async", "thread", "lock", "transaction", "rollback", "backup", "restore",
        "security", "token", "provider", "model", "prompt", "answer", "learning", "pattern", "maturity",
        "specification", "constraint", "goal", "stack", "frontend", "backend", "api", "endpoint", "user",
    ];

    private TempDirectory? _directory;
    private VectorSearchService? _service;
    private CachedSearchService? _cached;
    private string[] _queries = [];
    private int _next;

    [GlobalSetup]
    public void Setup() => Blocking.Run(SetupAsync);

    private async Task SetupAsync()
    {
        _directory = new TempDirectory("search");
        var random = new Random(Stores.Seed);
        var entries = Enumerable.Range(0, EntryCount).Select(i => new KnowledgeEntry(
            "kb-" + i.ToString("D5", CultureInfo.InvariantCulture), Sentence(random, 24), s_words[i % 7], KnowledgeScope.Global, null)).ToList();
        _queries = [.. Enumerable.Range(0, QueryCount).Select(_ => Sentence(random, 4))];
        var embedder = HashingTfIdfEmbedder.Fit(entries.Select(e => e.Content));
        var store = new KnowledgeEntryStore($"Data Source={_directory.File("kb.db")}");
        _service = new VectorSearchService(store, embedder, new IvfOptions());
        await _service.ImportAsync(entries, CancellationToken.None);
        _cached = new CachedSearchService(_service);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _service?.Dispose();
        _directory?.Dispose();
    }

    /// <summary>Before: every query embedded and searched (IVF).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Uncached() => (await _service!.SearchAsync(NextQuery(), 10, ScopeFilter.All)).Count;

    /// <summary>After: the same queries through the result cache.</summary>
    [Benchmark]
    public async Task<int> Cached() => (await _cached!.SearchAsync(NextQuery(), 10, ScopeFilter.All)).Count;

    /// <summary>Every query embedded and answered by brute force.</summary>
    [Benchmark]
    public async Task<int> Exact() => (await _service!.SearchAsync(NextQuery(), 10, ScopeFilter.All, SearchPath.Exact)).Count;

    private string NextQuery()
    {
        _next = (_next + 1) % _queries.Length;
        return _queries[_next];
    }

    private static string Sentence(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(s_words[random.Next(s_words.Length)]);
        }

        return text.ToString();
    }
}
