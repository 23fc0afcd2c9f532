namespace Socrates.Testing.Linearizability.Edn;

/// <summary>The input is not valid EDN (or uses a form this reader does not support) at <see cref="Line"/>:<see cref="Column"/>.</summary>
public sealed class EdnFormatException : HistoryFormatException
{
    public const string SyntaxCode = "edn.syntax";

    public EdnFormatException(string message, int line, int column)
        : base(SyntaxCode, $"EDN syntax error at line {line}, column {column}: {message}", line)
    {
        Column = column;
    }

    public EdnFormatException()
        : this("unreadable input", 0, 0)
    {
    }

    public EdnFormatException(string message)
        : this(message, 0, 0)
    {
    }

    public EdnFormatException(string message, Exception innerException)
        : base(SyntaxCode, message, 0, innerException)
    {
    }

    /// <summary>1-based column of the offending character.</summary>
    public int Column { get; }
}
