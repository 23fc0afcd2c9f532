namespace Socrates.Core.Search.Golden;

/// <summary>A golden fixture file is malformed; names the file and line.</summary>
public sealed class GoldenDataFormatException(string path, int line, string problem, Exception? inner = null)
    : Exception($"{path}:{line}: {problem}", inner)
{
    public string Path { get; } = path;

    public int Line { get; } = line;
}
