namespace Socrates.Properties.Tests.Caching;

/// <summary>
/// The reference model: plain dictionaries, no concurrency, no eviction. It says which value a
/// cache may return for a key at a time (present, unexpired, not invalidated since it was installed)
/// and whether a pending read may install. The real cache may miss where the model would hit
/// (eviction, pruned change stamps), never the other way round.
/// </summary>
public sealed class CacheModel(long timeToLiveMs)
{
    private readonly Dictionary<int, (string Value, long ExpiresAtMs)> _entries = [];
    private readonly Dictionary<int, int> _keyGenerations = [];
    private int _globalGeneration;

    /// <summary>Milliseconds since the start of the history.</summary>
    public long NowMs { get; private set; }

    /// <summary>The source of truth: the last committed value per key.</summary>
    public Dictionary<int, string> Source { get; } = [];

    public void Advance(long ms) => NowMs += ms;

    /// <summary>A value was installed now (by <c>Set</c> or a successful load).</summary>
    public void Installed(int key, string value) => _entries[key] = (value, NowMs + timeToLiveMs);

    /// <summary>The key changed (write or <c>Set</c>): cached values and pending reads of it are void.</summary>
    public void Changed(int key)
    {
        _entries.Remove(key);
        _keyGenerations[key] = Generation(key) + 1;
    }

    public void Flushed()
    {
        _entries.Clear();
        _globalGeneration++;
    }

    /// <summary>The generation a read begun now runs under.</summary>
    public (int Key, int Global) GenerationOf(int key) => (Generation(key), _globalGeneration);

    /// <summary>True when a read begun under <paramref name="generation"/> may still install.</summary>
    public bool MayInstall(int key, (int Key, int Global) generation) =>
        generation.Key == Generation(key) && generation.Global == _globalGeneration;

    /// <summary>Why returning <paramref name="value"/> for <paramref name="key"/> now is wrong, or null if it is allowed.</summary>
    public ReadVerdict Judge(int key, string value)
    {
        if (!Source.TryGetValue(key, out var truth) || !string.Equals(truth, value, StringComparison.Ordinal))
        {
            return ReadVerdict.Stale;
        }

        if (!_entries.TryGetValue(key, out var entry) || !string.Equals(entry.Value, value, StringComparison.Ordinal))
        {
            return ReadVerdict.Absent;
        }

        return NowMs >= entry.ExpiresAtMs ? ReadVerdict.Expired : ReadVerdict.Allowed;
    }

    private int Generation(int key) => _keyGenerations.GetValueOrDefault(key);
}

/// <summary>The model's judgement of one value returned by the cache.</summary>
public enum ReadVerdict
{
    Allowed,

    /// <summary>Differs from the last committed value.</summary>
    Stale,

    /// <summary>Equal to the committed value, but the model holds no such entry (flushed, invalidated, never installed).</summary>
    Absent,

    /// <summary>The entry's time to live has passed.</summary>
    Expired,
}
