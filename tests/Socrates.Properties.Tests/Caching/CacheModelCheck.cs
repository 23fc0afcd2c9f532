namespace Socrates.Properties.Tests.Caching;

/// <summary>What one history (or many, summed) showed: how often the cache broke the model.</summary>
public sealed class CacheModelCheck
{
    private readonly Lock _gate = new();

    public long Histories { get; private set; }

    public long Operations { get; private set; }

    public long Hits { get; private set; }

    /// <summary>Hits returning a value older than the last committed write.</summary>
    public long StaleValues { get; private set; }

    /// <summary>Hits returning a value the model says was flushed, invalidated or never installed.</summary>
    public long AbsentValues { get; private set; }

    /// <summary>Hits returning an entry past its time to live.</summary>
    public long ExpiredValues { get; private set; }

    /// <summary>Pending reads the cache let install although their key changed after they began.</summary>
    public long ForbiddenInstalls { get; private set; }

    /// <summary>Steps after which the cache held more entries or bytes than its bounds.</summary>
    public long SizeBoundViolations { get; private set; }

    public string? FirstViolation { get; private set; }

    /// <summary>Every read the model forbids: the figure behind <c>cache.stale_reads</c>.</summary>
    public long StaleReads => StaleValues + AbsentValues + ExpiredValues + ForbiddenInstalls;

    public bool Clean => StaleReads == 0 && SizeBoundViolations == 0;

    public void Record(ReadVerdict verdict, string what)
    {
        lock (_gate)
        {
            Hits++;
            switch (verdict)
            {
                case ReadVerdict.Stale:
                    StaleValues++;
                    break;
                case ReadVerdict.Absent:
                    AbsentValues++;
                    break;
                case ReadVerdict.Expired:
                    ExpiredValues++;
                    break;
                default:
                    return;
            }

            FirstViolation ??= $"{verdict}: {what}";
        }
    }

    public void RecordForbiddenInstall(string what)
    {
        lock (_gate)
        {
            ForbiddenInstalls++;
            FirstViolation ??= "Forbidden install: " + what;
        }
    }

    public void RecordSizeViolation(string what)
    {
        lock (_gate)
        {
            SizeBoundViolations++;
            FirstViolation ??= "Bound exceeded: " + what;
        }
    }

    public void RecordStep()
    {
        lock (_gate)
        {
            Operations++;
        }
    }

    public void Add(CacheModelCheck other)
    {
        lock (_gate)
        {
            Histories += Math.Max(1, other.Histories);
            Operations += other.Operations;
            Hits += other.Hits;
            StaleValues += other.StaleValues;
            AbsentValues += other.AbsentValues;
            ExpiredValues += other.ExpiredValues;
            ForbiddenInstalls += other.ForbiddenInstalls;
            SizeBoundViolations += other.SizeBoundViolations;
            FirstViolation ??= other.FirstViolation;
        }
    }

    public object ToEvidence() => new
    {
        Histories,
        Operations,
        Hits,
        StaleReads,
        StaleValues,
        AbsentValues,
        ExpiredValues,
        ForbiddenInstalls,
        SizeBoundViolations,
        FirstViolation,
    };
}
