using Socrates.Evidence;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>
/// A file as a report shows it: relative to the repository when it lies inside it, else its name
/// alone, so no machine's absolute path leaks into a report pasted elsewhere.
/// </summary>
internal static class DisplayPath
{
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var root = RepositoryRoot.TryFind(Path.GetDirectoryName(full) ?? full);
        return root is null ? Path.GetFileName(full) : Path.GetRelativePath(root, full).Replace('\\', '/');
    }
}
