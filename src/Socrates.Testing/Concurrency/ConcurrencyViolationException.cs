namespace Socrates.Testing.Concurrency;

/// <summary>A generated program's history was not linearizable (or could not be judged); the message is the report.</summary>
public sealed class ConcurrencyViolationException : Exception
{
    public ConcurrencyViolationException()
    {
    }

    public ConcurrencyViolationException(string message)
        : base(message)
    {
    }

    public ConcurrencyViolationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
