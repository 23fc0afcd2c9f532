namespace Socrates.Core.Search.Cached;

/// <summary>Bounds of the search-result cache.</summary>
public sealed class CachedSearchOptions
{
    /// <summary>Most results held (default 1,024).</summary>
    public int MaxEntries { get; set; } = 1024;

    /// <summary>How long a result may be served (default 5 minutes); writes invalidate sooner.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEntries, 1, nameof(MaxEntries));
        if (TimeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeToLive), TimeToLive, "TimeToLive must be positive.");
        }
    }
}
