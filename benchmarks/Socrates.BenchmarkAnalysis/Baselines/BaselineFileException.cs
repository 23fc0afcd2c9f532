namespace Socrates.BenchmarkAnalysis.Baselines;

/// <summary>A stored baseline cannot be read, or a run cannot be turned into one.</summary>
public sealed class BaselineFileException : Exception
{
    public BaselineFileException()
    {
    }

    public BaselineFileException(string message)
        : base(message)
    {
    }

    public BaselineFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
