namespace Socrates.Testing.Linearizability.Edn;

/// <summary>
/// A history file that cannot be read: bad EDN (<see cref="EdnFormatException"/>) or EDN that
/// is not a well-formed history (<see cref="Jepsen.JepsenHistoryException"/>). Carries a code and
/// the 1-based line.
/// </summary>
public abstract class HistoryFormatException : Exception
{
    protected HistoryFormatException(string code, string message, int line, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Line = line;
    }

    /// <summary>A stable error code, e.g. <c>edn.syntax</c> or <c>jepsen.unmatched-completion</c>.</summary>
    public string Code { get; }

    /// <summary>The 1-based line where the problem is (0 when unknown).</summary>
    public int Line { get; }
}
