namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// Builds a history by hand, Jepsen style: events in the order they happened, each client with
/// at most one open operation. Every call is one tick of the logical clock.
/// </summary>
/// <example>
/// <code>
/// var history = new HistoryBuilder&lt;RegisterInput&lt;int&gt;, RegisterOutput&lt;int&gt;&gt;()
///     .Invoke(0, RegisterInput&lt;int&gt;.Write(1))
///     .Invoke(1, RegisterInput&lt;int&gt;.Read())
///     .Ok(0, RegisterOutput&lt;int&gt;.Written)
///     .Ok(1, RegisterOutput&lt;int&gt;.Read(1))
///     .Build();
/// </code>
/// </example>
public sealed class HistoryBuilder<TInput, TOutput>
{
    private readonly HistoryRecorder<TInput, TOutput> _recorder = new();
    private readonly Dictionary<int, PendingOperation<TInput>> _openByClient = [];

    /// <summary>Client <paramref name="client"/> invokes <paramref name="input"/>.</summary>
    public HistoryBuilder<TInput, TOutput> Invoke(int client, TInput input)
    {
        if (_openByClient.ContainsKey(client))
        {
            throw new InvalidOperationException($"Client {client} already has an open operation; a client is sequential.");
        }

        _openByClient[client] = _recorder.Invoke(client, input);
        return this;
    }

    /// <summary>Client <paramref name="client"/>'s open operation completes with <paramref name="output"/>.</summary>
    public HistoryBuilder<TInput, TOutput> Ok(int client, TOutput output)
    {
        _recorder.Complete(TakeOpen(client), output);
        return this;
    }

    /// <summary>Client <paramref name="client"/>'s open operation definitely did not happen.</summary>
    public HistoryBuilder<TInput, TOutput> Fail(int client)
    {
        _recorder.Fail(TakeOpen(client));
        return this;
    }

    /// <summary>Client <paramref name="client"/>'s open operation timed out: it may or may not have happened.</summary>
    public HistoryBuilder<TInput, TOutput> Info(int client)
    {
        _recorder.Indeterminate(TakeOpen(client));
        return this;
    }

    /// <summary>The history; operations still open are indeterminate.</summary>
    public History<TInput, TOutput> Build() => _recorder.ToHistory();

    private PendingOperation<TInput> TakeOpen(int client) =>
        _openByClient.Remove(client, out var op)
            ? op
            : throw new InvalidOperationException($"Client {client} has no open operation to complete.");
}
