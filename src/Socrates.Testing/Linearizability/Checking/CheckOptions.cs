namespace Socrates.Testing.Linearizability.Checking;

/// <summary>Options of <see cref="LinearizabilityChecker"/>.</summary>
public sealed record CheckOptions
{
    /// <summary>No time limit, the default memory budget, minimised violations.</summary>
    public static CheckOptions Default { get; } = new();

    /// <summary>
    /// The time budget for the whole check (all partitions, and shrinking a violation). When it
    /// runs out before a verdict the outcome is <see cref="CheckOutcome.Unknown"/>. Null: no limit.
    /// </summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The memory budget of the check, in bytes: the estimated size of the caches of visited
    /// configurations and of the states they hold, shared by the partition searches that run at
    /// once (what a finished search held is free for the others). When they reach it the outcome
    /// is <see cref="CheckOutcome.Unknown"/>, never an out-of-memory crash. Null: no limit.
    /// </summary>
    public long? MaxMemoryBytes { get; init; } = DefaultMaxMemoryBytes;

    /// <summary>The default memory budget: 384 MiB of cached configurations (a peak RSS well under 1 GB).</summary>
    public const long DefaultMaxMemoryBytes = 384L * 1024 * 1024;

    /// <summary>How many partitions are searched at once (independent keys); 1 checks them one after another.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// After a violation, search for the shortest prefix of the failing partition that is already
    /// not linearizable (binary search; costs a few more checks of at most the same size).
    /// </summary>
    public bool MinimizeViolation { get; init; } = true;

    /// <summary>The clock the time budget is measured on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws when the options make no sense.</summary>
    public void Validate()
    {
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, $"The time budget must be positive, or null for none; it was '{timeout}'.");
        }

        if (MaxMemoryBytes is { } bytes && bytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMemoryBytes), bytes, $"The memory budget must be positive, or null for none; it was {bytes} bytes.");
        }

        if (MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "At least one partition must be searched at a time.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
