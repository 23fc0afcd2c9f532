namespace Socrates.Cli.Commands;

/// <summary>The files named by <c>check-history</c>'s arguments: a folder stands for its files (not hidden, ordinal order).</summary>
internal static class HistoryPaths
{
    /// <summary>
    /// Files and folders expanded in argument order. A path that is neither stays in the list,
    /// so that reading it reports it as missing.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }
}
