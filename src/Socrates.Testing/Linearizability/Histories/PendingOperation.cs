namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// A handle on an invoked operation that a client completes exactly once through its
/// <see cref="HistoryRecorder{TInput, TOutput}"/>.
/// </summary>
public sealed class PendingOperation<TInput>
{
    private int _completed;

    internal PendingOperation(int id, int client, TInput input, long invokedAt)
    {
        Id = id;
        Client = client;
        Input = input;
        InvokedAt = invokedAt;
    }

    public int Id { get; }

    public int Client { get; }

    public TInput Input { get; }

    public long InvokedAt { get; }

    /// <summary>Marks the operation completed; throws if it already was (a client bug worth knowing).</summary>
    internal void MarkCompleted()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            throw new InvalidOperationException($"Operation {Id} of client {Client} was already completed; complete each operation exactly once.");
        }
    }
}
