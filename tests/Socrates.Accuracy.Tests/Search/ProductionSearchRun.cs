using Socrates.Core.Search;

namespace Socrates.Accuracy.Tests.Search;

/// <summary>
/// The production search path, exercised as the application would: a SQLite knowledge store,
/// the service with default IVF options, 90% of the golden corpus imported and indexed, the
/// other 10% added one by one (incremental index updates), then some entries revised and some
/// deleted, and all of them restored; finally the index is validated against the store. The
/// store ends holding exactly the golden corpus, so the committed expectations apply.
/// </summary>
internal sealed class ProductionSearchRun : IDisposable
{
    private static readonly AsyncOnce<ProductionSearchRun> s_shared = new(StartSharedAsync);

    private readonly string _path;

    private ProductionSearchRun(string path, VectorSearchService service)
    {
        _path = path;
        Service = service;
    }

    public VectorSearchService Service { get; }

    public IndexValidationReport Validation { get; private set; } = null!;

    public int IncrementalOperations { get; private set; }

    /// <summary>One run over the whole golden corpus, shared by the tests that read it (built under whatever failpoints the environment turns on).</summary>
    public static Task<ProductionSearchRun> SharedAsync() => s_shared.GetAsync();

    private static async Task<ProductionSearchRun> StartSharedAsync()
    {
        var run = await StartAsync(null);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => run.Dispose();
        return run;
    }

    /// <summary>A fresh run; <paramref name="limit"/> keeps only the first entries (by id) for a faster one.</summary>
    public static async Task<ProductionSearchRun> StartAsync(int? limit)
    {
        var golden = await GoldenData.GetAsync();
        var path = Path.Combine(Path.GetTempPath(), $"socrates-search-{Guid.NewGuid():N}.db");
        var service = new VectorSearchService(new KnowledgeEntryStore($"Data Source={path}"), golden.Dataset.Embedder, new IvfOptions());
        var run = new ProductionSearchRun(path, service);
        try
        {
            await run.ExerciseAsync(golden.Dataset.Entries.OrderBy(e => e.Id, StringComparer.Ordinal).Take(limit ?? int.MaxValue).ToList());
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Service.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    private async Task ExerciseAsync(List<KnowledgeEntry> entries)
    {
        var ct = CancellationToken.None;
        var initial = entries.Where((_, i) => i % 10 != 9).ToList();
        var later = entries.Where((_, i) => i % 10 == 9).ToList();
        await Service.ImportAsync(initial, ct);

        var operations = 0;
        foreach (var entry in later)
        {
            await Service.SaveAsync(entry, ct);
            operations++;
        }

        var revised = entries.Where((_, i) => i % 97 == 3).ToList();
        var deleted = entries.Where((_, i) => i % 101 == 7).ToList();
        foreach (var entry in revised)
        {
            await Service.SaveAsync(entry with { Content = entry.Content + " Revised: now also a tutorial on knitting patterns." }, ct);
            operations++;
        }

        foreach (var entry in deleted)
        {
            await Service.DeleteAsync(entry.Id, ct);
            operations++;
        }

        foreach (var entry in revised.Concat(deleted))
        {
            await Service.SaveAsync(entry, ct);
            operations++;
        }

        IncrementalOperations = operations;
        Validation = await Service.ValidateIndexAsync(ct);
    }
}
