namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// One operation of a history: a client invoked <see cref="Input"/> at <see cref="InvokedAt"/>
/// and saw <see cref="Output"/> at <see cref="CompletedAt"/>, both on one logical clock.
/// </summary>
/// <param name="Id">Unique within its history; stable in reports.</param>
/// <param name="Client">The client (Jepsen: process) that issued it. A client is sequential.</param>
/// <param name="Input">What was asked.</param>
/// <param name="Output">What was answered; meaningless unless <see cref="Status"/> is <see cref="OperationStatus.Ok"/>.</param>
/// <param name="InvokedAt">Logical time of the invocation.</param>
/// <param name="CompletedAt">Logical time of the completion; <see cref="Never"/> when indeterminate.</param>
/// <param name="Status">How it ended.</param>
public sealed record Operation<TInput, TOutput>(
    int Id,
    int Client,
    TInput Input,
    TOutput? Output,
    long InvokedAt,
    long CompletedAt,
    OperationStatus Status)
{
    /// <summary>The completion time of an indeterminate operation: +infinity.</summary>
    public const long Never = long.MaxValue;

    /// <summary>True when this operation's completion happened strictly before <paramref name="other"/>'s invocation (real-time order).</summary>
    public bool Precedes(Operation<TInput, TOutput> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CompletedAt < other.InvokedAt;
    }
}
