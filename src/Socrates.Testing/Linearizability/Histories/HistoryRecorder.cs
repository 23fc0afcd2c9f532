namespace Socrates.Testing.Linearizability.Histories;

/// <summary>
/// Records the history of concurrent clients. Thread-safe. Times come from one
/// <see cref="LogicalClock"/>: call <see cref="Invoke"/> right before the call to the system
/// under test and <see cref="Complete"/>, <see cref="Fail"/> or <see cref="Indeterminate"/> right
/// after it returns, so that the logical interval contains the real one.
/// </summary>
/// <example>
/// <code>
/// var op = recorder.Invoke(client, KvInput.Put("k", "1"));
/// try { await store.PutAsync("k", "1"); recorder.Complete(op, null); }
/// catch (TimeoutException) { recorder.Indeterminate(op); }
/// </code>
/// </example>
public sealed class HistoryRecorder<TInput, TOutput>
{
    private readonly LogicalClock _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PendingOperation<TInput>> _open = [];
    private readonly List<Operation<TInput, TOutput>> _closed = [];
    private int _nextId = -1;

    public HistoryRecorder()
        : this(new LogicalClock())
    {
    }

    /// <summary>Uses a clock shared with other recorders (several histories on one time line).</summary>
    public HistoryRecorder(LogicalClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Operations invoked and not yet completed.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>Records an invocation by <paramref name="client"/> and returns its handle.</summary>
    public PendingOperation<TInput> Invoke(int client, TInput input)
    {
        var id = Interlocked.Increment(ref _nextId);
        var op = new PendingOperation<TInput>(id, client, input, _clock.Tick());
        lock (_gate)
        {
            _open.Add(id, op);
        }

        return op;
    }

    /// <summary>The operation completed and answered <paramref name="output"/>.</summary>
    public void Complete(PendingOperation<TInput> operation, TOutput output) =>
        Close(operation, output, OperationStatus.Ok, _clock.Tick());

    /// <summary>The operation definitely did not take effect (e.g. rejected with a typed conflict).</summary>
    public void Fail(PendingOperation<TInput> operation) =>
        Close(operation, default, OperationStatus.Failed, _clock.Tick());

    /// <summary>The outcome is unknown (timeout, crash): it may take effect at any time from its invocation on.</summary>
    public void Indeterminate(PendingOperation<TInput> operation) =>
        Close(operation, default, OperationStatus.Indeterminate, Operation<TInput, TOutput>.Never);

    /// <summary>
    /// A snapshot of the history so far. Operations still open are indeterminate in it: they may
    /// still take effect.
    /// </summary>
    public History<TInput, TOutput> ToHistory()
    {
        lock (_gate)
        {
            var open = _open.Values.Select(p => new Operation<TInput, TOutput>(
                p.Id, p.Client, p.Input, default, p.InvokedAt, Operation<TInput, TOutput>.Never, OperationStatus.Indeterminate));
            return new History<TInput, TOutput>(_closed.Concat(open));
        }
    }

    private void Close(PendingOperation<TInput> operation, TOutput? output, OperationStatus status, long completedAt)
    {
        ArgumentNullException.ThrowIfNull(operation);
        operation.MarkCompleted();
        lock (_gate)
        {
            if (!_open.Remove(operation.Id, out var pending) || !ReferenceEquals(pending, operation))
            {
                throw new InvalidOperationException($"Operation {operation.Id} of client {operation.Client} was not invoked on this recorder.");
            }

            _closed.Add(new Operation<TInput, TOutput>(
                operation.Id, operation.Client, operation.Input, output, operation.InvokedAt, completedAt, status));
        }
    }
}
