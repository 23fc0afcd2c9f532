using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Socrates.Core.Search.Faults;

namespace Socrates.Core.Search;

/// <summary>
/// Knowledge search as the application uses it: entries are embedded and written to the store
/// and to the index together (writes serialised, so store and index agree whenever no write is
/// in flight); queries are embedded with the same embedder and answered by the IVF index by
/// default, or exactly on request. Vectors of another embedder version are refused, never compared.
/// </summary>
public sealed class VectorSearchService : IDisposable
{
    private readonly KnowledgeEntryStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly EmbedderFaults _queryEmbedder;

    public VectorSearchService(KnowledgeEntryStore store, IEmbedder embedder, IvfOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        Embedder = embedder;
        _time = timeProvider ?? TimeProvider.System;
        Index = new VectorIndexManager(embedder.Dimensions, embedder.Version, options, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<VectorIndexManager>());
        _queryEmbedder = new EmbedderFaults(embedder);
    }

    public IEmbedder Embedder { get; }

    public VectorIndexManager Index { get; }

    /// <summary>
    /// Loads every stored entry and builds the index. Entries embedded by another embedder
    /// version make this throw <see cref="EmbedderVersionMismatchException"/> (re-embed first).
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _store.EnsureSchemaAsync(cancellationToken);
        var records = new List<VectorRecord>();
        await foreach (var stored in _store.GetKnowledgeEntriesAsync(cancellationToken))
        {
            EmbedderVersionMismatchException.ThrowIfDifferent(Embedder.Version, stored.EmbedderVersion, $"stored entry '{stored.Entry.Id}'");
            records.Add(stored.ToVectorRecord());
        }

        Index.Load(records);
    }

    /// <summary>Embeds and stores many entries in one transaction, then rebuilds the index over the whole store.</summary>
    public async Task ImportAsync(IEnumerable<KnowledgeEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var embedded = entries.AsParallel().AsOrdered().Select(Embed).ToList();
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await _store.EnsureSchemaAsync(cancellationToken);
            await _store.SaveKnowledgeEntriesAsync(embedded, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }

        await InitializeAsync(cancellationToken);
    }

    /// <summary>Embeds <paramref name="entry"/>, stores it, and updates the index incrementally.</summary>
    public async Task SaveAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        var embedded = Embed(entry);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await _store.SaveKnowledgeEntryAsync(embedded, cancellationToken);
            Index.Upsert(embedded.ToVectorRecord());
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Deletes an entry from the store and the index; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var deleted = await _store.DeleteKnowledgeEntryAsync(id, cancellationToken);
            var fromIndex = Index.Delete(id);
            return deleted || fromIndex;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The <paramref name="k"/> entries nearest <paramref name="queryText"/> that <paramref name="filter"/> admits.</summary>
    /// <exception cref="EmbedderVersionMismatchException">The query embedder's version is not the index's.</exception>
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string queryText, int k, ScopeFilter filter, SearchPath path = SearchPath.Ivf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queryText);
        cancellationToken.ThrowIfCancellationRequested();
        var embedder = _queryEmbedder.ForQuery;
        var query = embedder.Embed(queryText);
        return Task.FromResult(Index.Search(query, embedder.Version, k, filter, path));
    }

    /// <summary>Validates the live index against the store (writes paused meanwhile); see <see cref="VectorIndexManager.Validate"/>.</summary>
    public async Task<IndexValidationReport> ValidateIndexAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var records = new List<VectorRecord>();
            await foreach (var stored in _store.GetKnowledgeEntriesAsync(cancellationToken))
            {
                EmbedderVersionMismatchException.ThrowIfDifferent(Embedder.Version, stored.EmbedderVersion, $"stored entry '{stored.Entry.Id}'");
                records.Add(stored.ToVectorRecord());
            }

            return Index.Validate(records);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Builds a new index generation beside the live one and swaps it in (writes continue meanwhile).</summary>
    public Task<IndexValidationReport> RebuildIndexAsync(CancellationToken cancellationToken) => Index.RebuildAsync(cancellationToken);

    /// <summary>Calibrates the index's default probes again on the queries it has served (see <see cref="VectorIndexManager.Recalibrate"/>).</summary>
    public Task<ProbeCalibrationResult?> RecalibrateIndexAsync(CancellationToken cancellationToken) => Index.RecalibrateAsync(cancellationToken);

    public void Dispose() => _writeGate.Dispose();

    private EmbeddedKnowledgeEntry Embed(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new EmbeddedKnowledgeEntry(entry, Embedder.Embed(entry.Content), Embedder.Name, Embedder.Version, _time.GetUtcNow());
    }
}
