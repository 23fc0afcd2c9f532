namespace Socrates.Testing.Metrics;

/// <summary>
/// Where suites put what they prove. <c>SOCRATES_ARTIFACTS</c> overrides the root (the pipeline
/// points canary runs at their own folder); otherwise it is <c>artifacts/</c> at the repository
/// root, found by walking up from the test's directory to <c>Socrates.Gates.sln</c>.
/// </summary>
public static class ArtifactPaths
{
    public const string EnvironmentVariable = "SOCRATES_ARTIFACTS";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The artifacts root directory (absolute).</summary>
    public static string Root => s_root.Value;

    /// <summary><c>{root}/metrics</c>: one JSON file per metric.</summary>
    public static string MetricsDirectory => Path.Combine(Root, "metrics");

    /// <summary>A file for a suite's evidence (histories, reports), its folder created.</summary>
    public static string Evidence(string suite, string fileName)
    {
        var directory = Path.Combine(Root, "evidence", suite);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    /// <summary>The repository root (the folder holding Socrates.Gates.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot, "artifacts")
            : Path.GetFullPath(configured);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Socrates.Gates.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
