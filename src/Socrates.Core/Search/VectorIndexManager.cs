using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Socrates.Core.Search.Faults;

namespace Socrates.Core.Search;

/// <summary>
/// Owns the live <see cref="IndexSnapshot"/>. Writers (upsert, delete, rebuild, validation)
/// are serialised; each publishes a complete new snapshot with one reference write, so readers
/// (who never lock; the query log they write to is lock-free too) see the old snapshot or the
/// new one, never a mixture.
/// <para>
/// A rebuild trains a new index generation beside the live one (outside the lock), replays the
/// updates that landed meanwhile, validates it and only then swaps it in. A validation failure
/// is never silent: it increments <see cref="SearchCounters.ValidationFailures"/>, logs a
/// warning and falls back to the previous valid version, or to exact search.
/// </para>
/// </summary>
public sealed class VectorIndexManager
{
    private readonly Lock _writeLock = new();
    private readonly IvfOptions _options;
    private readonly ILogger _logger;
    private IndexSnapshot _current;
    private IvfIndex? _previous;

    public VectorIndexManager(int dimensions, string embedderVersion, IvfOptions options, ILogger<VectorIndexManager>? logger = null, SearchCounters? counters = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderVersion);
        ArgumentNullException.ThrowIfNull(options);
        Dimensions = dimensions;
        EmbedderVersion = embedderVersion;
        _options = options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Counters = counters ?? new SearchCounters();
        Queries = new QueryLog(_options.QueryLogSize, _options.Seed);
        _current = new IndexSnapshot(ImmutableDictionary.Create<string, VectorRecord>(StringComparer.Ordinal),
            IvfIndex.Build([], dimensions, embedderVersion, _options), 1, dimensions, embedderVersion);
    }

    public int Dimensions { get; }

    public string EmbedderVersion { get; }

    public SearchCounters Counters { get; }

    /// <summary>The sample of served queries the next build calibrates its default probes on.</summary>
    public QueryLog Queries { get; }

    /// <summary>The snapshot in service now. Take it once and search it: it never changes.</summary>
    public IndexSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces everything with <paramref name="records"/> and builds a new generation over them.</summary>
    public void Load(IEnumerable<VectorRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var entries = ImmutableDictionary.CreateRange(StringComparer.Ordinal, records.Select(r => KeyValuePair.Create(r.Id, Check(r))));
        lock (_writeLock)
        {
            var generation = _current.Generation + 1;
            var index = IvfIndex.Build(entries.Values.ToList(), Dimensions, EmbedderVersion, _options, generation, Queries.Snapshot());
            LogCalibration(index);
            _previous = _current.Ivf;
            Publish(new IndexSnapshot(entries, index, generation, Dimensions, EmbedderVersion));
        }
    }

    /// <summary>Adds or replaces one entry in the entries and (incrementally) in the index.</summary>
    public void Upsert(VectorRecord record)
    {
        Check(record);
        lock (_writeLock)
        {
            var now = _current;
            var ivf = IvfFaults.Updated(now.Ivf, record, static (index, upsert) => index.WithUpsert(upsert));

            Publish(new IndexSnapshot(now.Entries.SetItem(record.Id, record), ivf, now.Generation, Dimensions, EmbedderVersion));
        }
    }

    /// <summary>Removes one entry; false when it was not there.</summary>
    public bool Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_writeLock)
        {
            var now = _current;
            if (!now.Entries.ContainsKey(id))
            {
                return false;
            }

            var ivf = IvfFaults.Updated(now.Ivf, id, static (index, delete) => index.WithDelete(delete));

            Publish(new IndexSnapshot(now.Entries.Remove(id), ivf, now.Generation, Dimensions, EmbedderVersion));
            return true;
        }
    }

    /// <summary>
    /// Builds generation + 1 from the current entries beside the live index, catches it up with
    /// updates made during the build, validates it and swaps it in. An invalid build is rejected
    /// (counted, logged) and the live version stays. Returns the new build's validation report.
    /// </summary>
    public IndexValidationReport Rebuild(CancellationToken cancellationToken = default)
    {
        var start = Current;
        var generation = start.Generation + 1;
        var built = IvfIndex.Build(start.Entries.Values.ToList(), Dimensions, EmbedderVersion, _options, generation, Queries.Snapshot());
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var now = _current;
            var caughtUp = built;
            if (!ReferenceEquals(now.Entries, start.Entries))
            {
                foreach (var (id, record) in now.Entries)
                {
                    if (!start.Entries.TryGetValue(id, out var before) || !ReferenceEquals(before, record))
                    {
                        caughtUp = caughtUp.WithUpsert(record);
                    }
                }

                foreach (var id in start.Entries.Keys)
                {
                    if (!now.Entries.ContainsKey(id))
                    {
                        caughtUp = caughtUp.WithDelete(id);
                    }
                }
            }

            var report = caughtUp.Validate(now.Entries.Values);
            if (!report.IsValid)
            {
                Counters.ValidationFailed();
                SearchLog.ValidationFailed(_logger, "rebuild", report);
                SearchLog.RebuildRejected(_logger, generation);
                return report;
            }

            _previous = now.Ivf;
            Publish(new IndexSnapshot(now.Entries, caughtUp, generation, Dimensions, EmbedderVersion));
            LogCalibration(caughtUp);
            Counters.Rebuilt();
            SearchLog.Swapped(_logger, generation, caughtUp.Count, caughtUp.ListCount);
            return report;
        }
    }

    /// <summary>
    /// Calibrates the live index's default probes again, on the queries served so far, without a
    /// rebuild: after a first <see cref="Load"/>, which had no served queries and calibrated on
    /// the index's own rows, this replaces that promise with one real queries keep. Returns the
    /// new calibration, or null when there is nothing to do: probes fixed or calibration off in
    /// the options, fewer than <see cref="IvfOptions.MinLoggedQueries"/> logged queries, no index
    /// (exact search), or a rebuild or fallback replaced the index meanwhile.
    /// </summary>
    public ProbeCalibrationResult? Recalibrate()
    {
        if (_options.Probes is not null || _options.CalibrationTargetRecall is not { } target)
        {
            return null;
        }

        var logged = Queries.Snapshot();
        if (logged.Count < _options.MinLoggedQueries || Current.Ivf is not { ListCount: > 1, Count: > 1 } ivf)
        {
            return null;
        }

        var calibration = ProbeCalibration.FromQueries(ivf, target, logged);
        lock (_writeLock)
        {
            var now = _current;
            if (now.Ivf?.Generation != ivf.Generation)
            {
                return null;
            }

            var recalibrated = now.Ivf.WithCalibration(calibration);
            Publish(new IndexSnapshot(now.Entries, recalibrated, now.Generation, Dimensions, EmbedderVersion));
            LogCalibration(recalibrated);
            return calibration;
        }
    }

    /// <summary><see cref="Recalibrate"/> on the thread pool.</summary>
    public Task<ProbeCalibrationResult?> RecalibrateAsync(CancellationToken cancellationToken = default) =>
        Task.Run(Recalibrate, cancellationToken);

    /// <summary><see cref="Rebuild"/> on the thread pool.</summary>
    public Task<IndexValidationReport> RebuildAsync(CancellationToken cancellationToken = default) =>
        Task.Run(() => Rebuild(cancellationToken), cancellationToken);

    /// <summary>
    /// Validates the live index against <paramref name="storeRecords"/> (the store's truth). On
    /// failure: counts it, logs it, and puts the previous version in service if that one is valid
    /// against the store, else switches search to exact. Returns the live index's report (a valid
    /// empty report when search already runs exact).
    /// </summary>
    public IndexValidationReport Validate(IEnumerable<VectorRecord> storeRecords)
    {
        ArgumentNullException.ThrowIfNull(storeRecords);
        var store = storeRecords.ToList();
        lock (_writeLock)
        {
            var now = _current;
            if (now.Ivf is null)
            {
                return new IndexValidationReport(now.Generation, 0, 0, store.Count, []);
            }

            var report = now.Ivf.Validate(store);
            if (report.IsValid)
            {
                return report;
            }

            Counters.ValidationFailed();
            SearchLog.ValidationFailed(_logger, "validation", report);
            var entries = ImmutableDictionary.CreateRange(StringComparer.Ordinal, store.Select(r => KeyValuePair.Create(r.Id, r)));
            if (_previous is not null && _previous.Validate(store).IsValid)
            {
                Counters.FellBackToPrevious();
                SearchLog.FellBackToPrevious(_logger, _previous.Generation, _previous.Sequence);
                Publish(new IndexSnapshot(entries, _previous, _previous.Generation, Dimensions, EmbedderVersion));
                _previous = null;
            }
            else
            {
                Counters.FellBackToExact();
                SearchLog.FellBackToExact(_logger);
                Publish(new IndexSnapshot(entries, null, now.Generation, Dimensions, EmbedderVersion));
            }

            return report;
        }
    }

    /// <summary>
    /// Searches the current snapshot (see <see cref="IndexSnapshot.Search"/>) and, once it has
    /// answered, records the query in <see cref="Queries"/>.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(float[] query, string queryEmbedderVersion, int k, ScopeFilter filter, SearchPath path = SearchPath.Ivf, int? probes = null)
    {
        var hits = Current.Search(query, queryEmbedderVersion, k, filter, path, probes);
        Queries.Record(query);
        return hits;
    }

    private void LogCalibration(IvfIndex index)
    {
        if (index.Calibration is { } calibration)
        {
            SearchLog.Calibrated(_logger, index.Generation, calibration.Probes, index.ListCount, calibration.Recall, calibration.Queries, calibration.Source);
        }
    }

    private void Publish(IndexSnapshot snapshot) => Volatile.Write(ref _current, snapshot);

    private VectorRecord Check(VectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        VectorBlock.RequireDimensions(record, Dimensions);
        return record;
    }
}
