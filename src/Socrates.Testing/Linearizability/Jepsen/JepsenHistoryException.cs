using Socrates.Testing.Linearizability.Edn;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>Valid EDN that is not a well-formed Jepsen history (e.g. a completion with no invocation).</summary>
public sealed class JepsenHistoryException : HistoryFormatException
{
    public JepsenHistoryException(string code, string message, int line)
        : base(code, $"Line {line}: {message}", line)
    {
    }

    public JepsenHistoryException()
        : base("jepsen.invalid", "Not a Jepsen history.", 0)
    {
    }

    public JepsenHistoryException(string message)
        : base("jepsen.invalid", message, 0)
    {
    }

    public JepsenHistoryException(string message, Exception innerException)
        : base("jepsen.invalid", message, 0, innerException)
    {
    }
}
