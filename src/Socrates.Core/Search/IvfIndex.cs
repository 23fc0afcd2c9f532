using System.Collections.Immutable;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Socrates.Core.Search.Faults;

namespace Socrates.Core.Search;

/// <summary>
/// An immutable IVF-flat index version: k-means centroids and one <see cref="VectorBlock"/> per
/// centroid holding the vectors nearest to it. A query scores the centroids, scans the
/// <c>probes</c> nearest lists exactly, and keeps the top k.
/// <para>
/// Updates (<see cref="WithUpsert"/>, <see cref="WithDelete"/>) return a new version that
/// shares every untouched list with this one; nothing is ever modified in place, so a reader
/// holding a version sees all of it or none of a later one. Each version carries a generation
/// (one per full build), a sequence (one per incremental update) and an order-independent
/// checksum kept up to date incrementally, which <see cref="Validate"/> recomputes.
/// </para>
/// </summary>
public sealed class IvfIndex
{
    private readonly float[] _centroids;
    private readonly ImmutableArray<VectorBlock> _lists;
    private readonly ImmutableDictionary<string, int> _locator;
    private readonly ScopeCounts _scopeCounts;

    internal IvfIndex(
        int dimensions,
        string embedderVersion,
        int defaultProbes,
        long generation,
        long sequence,
        float[] centroids,
        ImmutableArray<VectorBlock> lists,
        ImmutableDictionary<string, int> locator,
        ulong checksum,
        ScopeCounts scopeCounts,
        ProbeCalibrationResult? calibration)
    {
        _scopeCounts = scopeCounts;
        Calibration = calibration;
        Dimensions = dimensions;
        EmbedderVersion = embedderVersion;
        DefaultProbes = defaultProbes;
        Generation = generation;
        Sequence = sequence;
        _centroids = centroids;
        _lists = lists;
        _locator = locator;
        Checksum = checksum;
    }

    public int Dimensions { get; }

    public string EmbedderVersion { get; }

    public int ListCount => _lists.Length;

    public int DefaultProbes { get; }

    /// <summary>Full builds so far: a rebuild produces generation + 1.</summary>
    public long Generation { get; }

    /// <summary>Incremental updates applied since this generation was built.</summary>
    public long Sequence { get; }

    public ulong Checksum { get; }

    public int Count => _locator.Count;

    /// <summary>How <see cref="DefaultProbes"/> was calibrated (null when it was not).</summary>
    public ProbeCalibrationResult? Calibration { get; }

    /// <summary>Recall@10 the calibration measured at <see cref="DefaultProbes"/> (null when not calibrated).</summary>
    public double? CalibratedRecall => Calibration?.Recall;

    internal ReadOnlySpan<float> Centroids => _centroids;

    internal ImmutableArray<VectorBlock> Lists => _lists;

    internal bool TryLocate(string id, out int list) => _locator.TryGetValue(id, out list);

    public bool Contains(string id) => _locator.ContainsKey(id);

    /// <summary>Sizes of the lists (for diagnostics: a badly balanced index is a slow one).</summary>
    public IReadOnlyList<int> ListSizes => _lists.Select(l => l.Count).ToArray();

    /// <summary>Trains centroids on <paramref name="records"/> (a seeded sample when large) and assigns every record.</summary>
    /// <param name="loggedQueries">
    /// Queries served before (a <see cref="QueryLog"/> sample): the default probes are calibrated
    /// on them when there are at least <see cref="IvfOptions.MinLoggedQueries"/>, else on the rows.
    /// </param>
    public static IvfIndex Build(IReadOnlyCollection<VectorRecord> records, int dimensions, string embedderVersion, IvfOptions options, long generation = 1, IReadOnlyList<float[]>? loggedQueries = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(embedderVersion);
        options.Validate();
        for (var i = 0; loggedQueries is not null && i < loggedQueries.Count; i++)
        {
            if (loggedQueries[i]?.Length != dimensions)
            {
                throw new ArgumentException($"Logged query {i} has {loggedQueries[i]?.Length ?? 0} dimensions; the index has {dimensions}.", nameof(loggedQueries));
            }
        }

        var sorted = records.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var lists = options.ResolveLists(sorted.Count);
        var probes = options.ResolveProbes(lists);

        var all = VectorBlock.From(sorted, dimensions);
        float[] centroids;
        if (sorted.Count == 0)
        {
            centroids = new float[dimensions];
        }
        else
        {
            var (sample, sampleCount) = Sample(all, options.MaxTrainingSamples, options.Seed);
            centroids = KMeans.Train(sample, sampleCount, dimensions, Math.Min(lists, sampleCount), options.TrainingIterations, options.Seed);
            lists = centroids.Length / dimensions;
        }

        var assignment = new int[sorted.Count];
        Parallel.For(0, sorted.Count, i => assignment[i] = KMeans.Nearest(all.Row(i), centroids, dimensions, out _));
        var members = new List<VectorRecord>[lists];
        for (var c = 0; c < lists; c++)
        {
            members[c] = [];
        }

        var locator = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (!locator.TryAdd(sorted[i].Id, assignment[i]))
            {
                throw new ArgumentException($"Entry id '{sorted[i].Id}' appears more than once.", nameof(records));
            }

            members[assignment[i]].Add(sorted[i]);
        }

        var blocks = members.Select(m => VectorBlock.From(m, dimensions)).ToImmutableArray();
        var index = new IvfIndex(dimensions, embedderVersion, probes, generation, 0, centroids, blocks, locator.ToImmutable(), 0, ScopeCounts.From(sorted), null);
        index = index.WithChecksum(index.ComputeChecksum());
        if (options.Probes is null && options.CalibrationTargetRecall is { } target && sorted.Count > 1 && index.ListCount > 1)
        {
            var calibration = IvfFaults.CalibrationOnDocuments(index, all, target, options)
                ?? (loggedQueries is not null && loggedQueries.Count >= options.MinLoggedQueries
                    ? ProbeCalibration.FromQueries(index, target, loggedQueries)
                    : ProbeCalibration.FromIndexSample(index, all, target, options.CalibrationQueries, options.Seed));
            index = new IvfIndex(dimensions, embedderVersion, calibration.Probes, generation, 0, centroids, blocks, index._locator, index.Checksum, index._scopeCounts, calibration);
        }

        return index;
    }

    /// <summary>Adds <paramref name="record"/>, or replaces the entry with its id; a new version (sequence + 1).</summary>
    public IvfIndex WithUpsert(VectorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        VectorBlock.RequireDimensions(record, Dimensions);
        var lists = _lists;
        var checksum = Checksum;
        var counts = _scopeCounts;
        if (_locator.TryGetValue(record.Id, out var oldList))
        {
            var block = lists[oldList];
            var row = block.IndexOf(record.Id);
            checksum -= HashEntry(block.RecordAt(row), oldList);
            counts = counts.Remove(block.Scopes[row], block.ProjectIds[row]);
            lists = lists.SetItem(oldList, block.WithoutRow(row));
        }

        var list = KMeans.Nearest(record.Vector, _centroids, Dimensions, out _);
        lists = lists.SetItem(list, lists[list].WithAppended(record));
        checksum += HashEntry(record, list);
        return new IvfIndex(Dimensions, EmbedderVersion, DefaultProbes, Generation, Sequence + 1, _centroids, lists,
            _locator.SetItem(record.Id, list), checksum, counts.Add(record.Scope, record.ProjectId), Calibration);
    }

    /// <summary>Removes entry <paramref name="id"/>; a new version (sequence + 1), or this one when the id is absent.</summary>
    public IvfIndex WithDelete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_locator.TryGetValue(id, out var list))
        {
            return this;
        }

        var block = _lists[list];
        var row = block.IndexOf(id);
        var checksum = Checksum - HashEntry(block.RecordAt(row), list);
        return new IvfIndex(Dimensions, EmbedderVersion, DefaultProbes, Generation, Sequence + 1, _centroids,
            _lists.SetItem(list, block.WithoutRow(row)), _locator.Remove(id), checksum,
            _scopeCounts.Remove(block.Scopes[row], block.ProjectIds[row]), Calibration);
    }

    /// <summary>
    /// The top <paramref name="k"/> among entries admitted by <paramref name="filter"/>. Scans the
    /// <paramref name="probes"/> (default <see cref="DefaultProbes"/>) lists nearest the query;
    /// while the scanned lists hold fewer than k admitted entries it widens (doubling the probes),
    /// its last step scanning every list, i.e. an exact search over the filtered subset; so a
    /// query gets k results whenever k admitted entries exist. A selective filter (admitting no
    /// more entries than the probed lists would score) goes straight to that exact filtered scan:
    /// it scores fewer vectors than the approximate path and misses nothing.
    /// </summary>
    public IvfSearchResult Search(float[] query, string queryEmbedderVersion, int k, ScopeFilter filter, int? probes = null)
    {
        QueryGuard.Check(query, queryEmbedderVersion, k, Dimensions, EmbedderVersion, "IVF search");
        var requested = IvfFaults.Probes(Math.Clamp(probes ?? DefaultProbes, 1, ListCount));

        var top = new TopKCollector(k);
        var expectedScan = (long)Count * requested / ListCount;
        if (!filter.IsUnfiltered && _scopeCounts.Matching(filter, Count) <= expectedScan)
        {
            var scannedAll = 0;
            foreach (var block in _lists)
            {
                block.Scan(query, filter, top);
                scannedAll += block.Count;
            }

            return new IvfSearchResult(top.ToSortedList(), requested, ListCount, scannedAll) { FilteredExact = true };
        }

        var order = RankLists(query);
        var used = 0;
        var matched = 0;
        var scanned = 0;
        var target = requested;
        while (true)
        {
            for (; used < target; used++)
            {
                var block = _lists[order[used]];
                matched += block.Scan(query, filter, top);
                scanned += block.Count;
            }

            if (matched >= k || used >= ListCount)
            {
                break;
            }

            target = Math.Min(ListCount, target * 2);
        }

        return new IvfSearchResult(top.ToSortedList(), requested, used, scanned);
    }

    /// <summary>Recomputes the checksum from the centroids and every indexed entry.</summary>
    public ulong ComputeChecksum()
    {
        var sum = HashCentroids(_centroids, Dimensions);
        for (var l = 0; l < _lists.Length; l++)
        {
            var block = _lists[l];
            for (var i = 0; i < block.Count; i++)
            {
                sum += HashEntry(block.Ids[i], block.Scopes[i], block.ProjectIds[i], block.Row(i), l);
            }
        }

        return sum;
    }

    /// <summary>
    /// Checks this version against the store's records: every store entry indexed exactly once
    /// with the store's vector, every indexed id in the store, the locator right, centroids
    /// finite, the checksum matching.
    /// </summary>
    public IndexValidationReport Validate(IEnumerable<VectorRecord> storeRecords)
    {
        ArgumentNullException.ThrowIfNull(storeRecords);
        var issues = new IssueList();
        for (var c = 0; c < ListCount; c++)
        {
            foreach (var v in _centroids.AsSpan(c * Dimensions, Dimensions))
            {
                if (!float.IsFinite(v))
                {
                    issues.Add(IndexValidationIssueKind.NonFiniteCentroid, $"list {c}", $"centroid holds {v}");
                    break;
                }
            }
        }

        var found = new Dictionary<string, (int List, int Row)>(StringComparer.Ordinal);
        for (var l = 0; l < _lists.Length; l++)
        {
            var ids = _lists[l].Ids;
            for (var i = 0; i < ids.Length; i++)
            {
                if (!found.TryAdd(ids[i], (l, i)))
                {
                    issues.Add(IndexValidationIssueKind.DuplicateEntry, ids[i], $"in list {found[ids[i]].List} and list {l}");
                }
                else if (!_locator.TryGetValue(ids[i], out var located) || located != l)
                {
                    issues.Add(IndexValidationIssueKind.LocatorMismatch, ids[i], $"stored in list {l}, locator says {(_locator.TryGetValue(ids[i], out var x) ? x.ToString(System.Globalization.CultureInfo.InvariantCulture) : "absent")}");
                }
            }
        }

        foreach (var id in _locator.Keys)
        {
            if (!found.ContainsKey(id))
            {
                issues.Add(IndexValidationIssueKind.LocatorMismatch, id, $"locator points at list {_locator[id]} but no list holds it");
            }
        }

        var storeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in storeRecords)
        {
            storeIds.Add(record.Id);
            if (!found.TryGetValue(record.Id, out var at))
            {
                issues.Add(IndexValidationIssueKind.MissingEntry, record.Id, "in the store, in no list");
            }
            else if (!_lists[at.List].Row(at.Row).SequenceEqual(record.Vector)
                || _lists[at.List].Scopes[at.Row] != record.Scope
                || !string.Equals(_lists[at.List].ProjectIds[at.Row], record.ProjectId, StringComparison.Ordinal))
            {
                issues.Add(IndexValidationIssueKind.StaleVector, record.Id, $"list {at.List} holds a vector or scope other than the store's");
            }
        }

        foreach (var id in found.Keys)
        {
            if (!storeIds.Contains(id))
            {
                issues.Add(IndexValidationIssueKind.OrphanEntry, id, $"in list {found[id].List}, not in the store");
            }
        }

        var recomputed = ComputeChecksum();
        if (recomputed != Checksum)
        {
            issues.Add(IndexValidationIssueKind.ChecksumMismatch, "index", $"carries {Checksum:x16}, recomputed {recomputed:x16}");
        }

        return issues.ToReport(Generation, Sequence, found.Count, storeIds.Count);
    }

    /// <summary>This version with its default probes set by <paramref name="calibration"/> (used by recalibration).</summary>
    internal IvfIndex WithCalibration(ProbeCalibrationResult calibration) =>
        new(Dimensions, EmbedderVersion, calibration.Probes, Generation, Sequence, _centroids, _lists, _locator, Checksum, _scopeCounts, calibration);

    /// <summary>This version relabelled as generation <paramref name="generation"/> (used by rebuilds).</summary>
    internal IvfIndex WithGeneration(long generation) =>
        new(Dimensions, EmbedderVersion, DefaultProbes, generation, Sequence, _centroids, _lists, _locator, Checksum, _scopeCounts, Calibration);

    internal IvfIndex WithChecksum(ulong checksum) =>
        new(Dimensions, EmbedderVersion, DefaultProbes, Generation, Sequence, _centroids, _lists, _locator, checksum, _scopeCounts, Calibration);

    internal int[] RankLists(ReadOnlySpan<float> query)
    {
        var scores = new float[ListCount];
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = TensorPrimitives.Dot(query, _centroids.AsSpan(c * Dimensions, Dimensions));
        }

        var order = new int[ListCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return order;
    }

    private static (float[] Data, int Count) Sample(VectorBlock all, int maxSamples, int seed)
    {
        if (all.Count <= maxSamples)
        {
            return (all.Vectors, all.Count);
        }

        var random = new Random(seed ^ 0x5A5A5A5A);
        var indexes = Enumerable.Range(0, all.Count).ToArray();
        for (var i = 0; i < maxSamples; i++)
        {
            var j = random.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        Array.Sort(indexes, 0, maxSamples);
        var data = new float[maxSamples * all.Dimensions];
        for (var i = 0; i < maxSamples; i++)
        {
            all.Row(indexes[i]).CopyTo(data.AsSpan(i * all.Dimensions));
        }

        return (data, maxSamples);
    }

    private static ulong HashEntry(VectorRecord record, int list) =>
        HashEntry(record.Id, record.Scope, record.ProjectId, record.Vector, list);

    private static ulong HashEntry(string id, KnowledgeScope scope, string? projectId, ReadOnlySpan<float> vector, int list)
    {
        var hash = Fnv1a.Hash64(id);
        hash = Fnv1a.Hash64(((ulong)(uint)list << 8) | (ulong)scope, hash);
        hash = Fnv1a.Hash64(projectId ?? "\0", hash);
        return Fnv1a.Hash64(MemoryMarshal.AsBytes(vector), hash);
    }

    private static ulong HashCentroids(float[] centroids, int dimensions)
    {
        var hash = Fnv1a.Hash64((ulong)dimensions);
        return Fnv1a.Hash64(MemoryMarshal.AsBytes(centroids.AsSpan()), hash);
    }

    private sealed class IssueList
    {
        private readonly List<IndexValidationIssue> _kept = [];
        private readonly Dictionary<IndexValidationIssueKind, int> _counts = [];
        private int _total;

        public void Add(IndexValidationIssueKind kind, string subject, string detail)
        {
            _total++;
            _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
            if (_kept.Count < IndexValidationReport.MaxIssuesKept)
            {
                _kept.Add(new IndexValidationIssue(kind, subject, detail));
            }
        }

        public IndexValidationReport ToReport(long generation, long sequence, int indexed, int store) =>
            new(generation, sequence, indexed, store, _kept) { TotalIssues = _total, CountsByKind = _counts };
    }
}
