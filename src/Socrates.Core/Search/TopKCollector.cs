namespace Socrates.Core.Search;

/// <summary>
/// Keeps the best <c>k</c> (id, score) pairs seen, in a bounded min-heap: O(log k) per offer,
/// O(k) memory. Order is total and deterministic: higher score first, and on equal scores the
/// ordinally smaller id first, so the same data always yields the same list.
/// </summary>
internal sealed class TopKCollector
{
    private readonly int _k;
    private readonly PriorityQueue<SearchHit, SearchHit> _heap;

    public TopKCollector(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        _k = k;
        _heap = new PriorityQueue<SearchHit, SearchHit>(k + 1, WorstFirst.Instance);
    }

    public int Count => _heap.Count;

    /// <summary>Score a candidate must beat to enter (−∞ while the heap is not full).</summary>
    public float Threshold => _heap.Count < _k ? float.NegativeInfinity : _heap.Peek().Score;

    public void Offer(string id, float score)
    {
        var hit = new SearchHit(id, score);
        if (_heap.Count < _k)
        {
            _heap.Enqueue(hit, hit);
        }
        else if (IsBetter(hit, _heap.Peek()))
        {
            _heap.DequeueEnqueue(hit, hit);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public List<SearchHit> ToSortedList()
    {
        var list = _heap.UnorderedItems.Select(e => e.Element).ToList();
        list.Sort(static (a, b) => Compare(b, a));
        return list;
    }

    /// <summary>True when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    public static bool IsBetter(SearchHit a, SearchHit b) => Compare(a, b) > 0;

    // > 0 when a is better: higher score, or equal score and smaller id.
    private static int Compare(SearchHit a, SearchHit b)
    {
        var byScore = a.Score.CompareTo(b.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(b.Id, a.Id);
    }

    private sealed class WorstFirst : IComparer<SearchHit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(SearchHit x, SearchHit y) => TopKCollector.Compare(x, y);
    }
}
