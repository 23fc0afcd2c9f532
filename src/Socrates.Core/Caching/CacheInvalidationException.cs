namespace Socrates.Core.Caching;

/// <summary>An invalidation step of the cache failed; carries the key (or null for a full flush) and the attempt.</summary>
public sealed class CacheInvalidationException : Exception
{
    public CacheInvalidationException(object? key, int attempt, string reason, Exception? inner = null)
        : base(key is null
            ? $"Flushing the whole cache failed (attempt {attempt}): {reason}"
            : $"Invalidating cache key '{key}' failed (attempt {attempt}): {reason}", inner)
    {
        Key = key;
        Attempt = attempt;
    }

    /// <summary>The key being invalidated; null for a whole-cache flush.</summary>
    public object? Key { get; }

    /// <summary>0 for the first attempt after the commit, 1.. for compensation retries.</summary>
    public int Attempt { get; }

    /// <summary>False for a failure the write path must report without repairing (only the no-compensation canary makes one).</summary>
    internal bool Compensable { get; init; } = true;
}
