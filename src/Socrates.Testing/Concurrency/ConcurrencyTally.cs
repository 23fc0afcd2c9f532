namespace Socrates.Testing.Concurrency;

/// <summary>Counts across the programs of one property run: the figures the metrics report.</summary>
public sealed class ConcurrencyTally
{
    private long _programs;
    private long _violations;
    private long _cacheViolations;
    private long _unknown;
    private long _operations;
    private long _unexpected;

    public long Programs => Interlocked.Read(ref _programs);

    public long Violations => Interlocked.Read(ref _violations);

    public long CacheViolations => Interlocked.Read(ref _cacheViolations);

    public long Unknown => Interlocked.Read(ref _unknown);

    public long OperationsChecked => Interlocked.Read(ref _operations);

    public long UnexpectedErrors => Interlocked.Read(ref _unexpected);

    /// <summary>The first failure's shrunk report, if any.</summary>
    public string? FirstReport { get; set; }

    public void Add(ProgramRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Interlocked.Increment(ref _programs);
        Interlocked.Add(ref _operations, result.OperationsChecked);
        Interlocked.Add(ref _unexpected, result.UnexpectedErrors.Count);
        switch (result.Outcome)
        {
            case Linearizability.Checking.CheckOutcome.NotLinearizable:
                Interlocked.Increment(ref _violations);
                if (result.CacheViolated)
                {
                    Interlocked.Increment(ref _cacheViolations);
                }

                break;
            case Linearizability.Checking.CheckOutcome.Unknown:
                Interlocked.Increment(ref _unknown);
                break;
        }
    }
}
