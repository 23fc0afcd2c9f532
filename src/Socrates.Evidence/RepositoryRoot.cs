namespace Socrates.Evidence;

/// <summary>
/// The repository root: the nearest folder at or above a start folder (by default the running
/// program's) holding <c>Socrates.Gates.sln</c>. Tests, the test kit and the benchmark tools find
/// the committed files (gates.json, fixtures, samples) from it.
/// </summary>
public static class RepositoryRoot
{
    public const string Marker = "Socrates.Gates.sln";

    private static readonly Lazy<string> s_current = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The root above the running program; throws <see cref="DirectoryNotFoundException"/> when there is none.</summary>
    public static string Current => s_current.Value;

    /// <summary>The root at or above <paramref name="start"/>, or null when no folder above holds the solution.</summary>
    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The root at or above <paramref name="start"/>; throws <see cref="DirectoryNotFoundException"/> naming the start when there is none.</summary>
    public static string Find(string start) =>
        TryFind(start) ?? throw new DirectoryNotFoundException($"No {Marker} at or above {start}.");
}
