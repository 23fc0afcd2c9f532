namespace Socrates.Core.Search;

/// <summary>A word-vectors file that cannot be used: says which file and what is wrong with it.</summary>
public sealed class WordVectorsFormatException(string path, string problem, Exception? inner = null)
    : Exception($"Word vectors '{path}': {problem}", inner)
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
