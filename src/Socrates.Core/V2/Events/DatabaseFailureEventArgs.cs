namespace Socrates.Core.V2.Events;

/// <summary>A failed operation and the exception its caller receives.</summary>
public sealed class DatabaseFailureEventArgs(string operation, string? key, Exception error) : EventArgs
{
    public string Operation { get; } = operation;

    public string? Key { get; } = key;

    public Exception Error { get; } = error;
}
