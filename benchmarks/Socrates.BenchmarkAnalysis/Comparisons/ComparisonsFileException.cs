namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>The comparisons file is unreadable or invalid; <see cref="Errors"/> lists every problem, each naming the file, the entry and the field.</summary>
public sealed class ComparisonsFileException : Exception
{
    public ComparisonsFileException()
        : this("The comparisons file is invalid.", [])
    {
    }

    public ComparisonsFileException(string message)
        : this(message, [message])
    {
    }

    public ComparisonsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public ComparisonsFileException(string message, IReadOnlyList<string> errors)
        : base(message + (errors.Count == 0 ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e))))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
