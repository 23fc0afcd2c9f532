namespace Socrates.Testing.Linearizability.Simulation;

/// <summary>Options of <see cref="AtomicObjectSimulator"/>. Durations are in abstract simulated time units.</summary>
public sealed record SimulationOptions
{
    /// <summary>The seed: the same options give the same history.</summary>
    public int Seed { get; init; }

    /// <summary>Concurrent clients (each sequential).</summary>
    public int Clients { get; init; } = 5;

    /// <summary>Operations in total.</summary>
    public int Operations { get; init; } = 100;

    /// <summary>Longest time between invocation and completion.</summary>
    public double MaxLatency { get; init; } = 10;

    /// <summary>Longest pause of a client between two operations.</summary>
    public double MaxThinkTime { get; init; } = 3;

    /// <summary>Probability that an operation times out (indeterminate); it then takes effect with probability 1/2.</summary>
    public double IndeterminateRate { get; init; }

    /// <summary>Probability that an operation is rejected (failed, no effect).</summary>
    public double FailRate { get; init; }

    /// <summary>Throws when the options make no sense.</summary>
    public void Validate()
    {
        if (Clients < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Clients), Clients, "A simulation needs at least one client.");
        }

        if (Operations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Operations), Operations, "The number of operations cannot be negative.");
        }

        if (!(MaxLatency > 0) || !(MaxThinkTime >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLatency), $"MaxLatency must be positive and MaxThinkTime non-negative; they were {MaxLatency} and {MaxThinkTime}.");
        }

        if (IndeterminateRate is < 0 or > 1 || FailRate is < 0 or > 1 || IndeterminateRate + FailRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(IndeterminateRate), $"IndeterminateRate ({IndeterminateRate}) and FailRate ({FailRate}) must be probabilities summing to at most 1.");
        }
    }
}
