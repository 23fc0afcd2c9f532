using Socrates.Evidence;

namespace Socrates.Testing.Metrics;

/// <summary>
/// Where suites put what they prove. The pipeline sets <c>SOCRATES_ARTIFACTS</c> to the folder of
/// its run (<c>artifacts/runs/{run}/</c>, a canary's under it); a plain <c>dotnet test</c> or an
/// IDE run, without it, writes to <c>artifacts/dev/</c> at the repository root (found by walking up
/// from the test's directory to <c>Socrates.Gates.sln</c>), which no report reads, so a test run
/// never changes the evidence a report points at.
/// </summary>
public static class ArtifactPaths
{
    public const string EnvironmentVariable = "SOCRATES_ARTIFACTS";

    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The artifacts root directory (absolute).</summary>
    public static string Root => s_root.Value;

    /// <summary><c>{root}/metrics</c>: one JSON file per metric.</summary>
    public static string MetricsDirectory => Path.Combine(Root, MetricFiles.Folder);

    /// <summary>A file for a suite's evidence (histories, reports), its folder created.</summary>
    public static string Evidence(string suite, string fileName)
    {
        var directory = Path.Combine(Root, "evidence", suite);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    /// <summary>The repository root (the folder holding Socrates.Gates.sln).</summary>
    public static string RepositoryRoot { get; } =
        Socrates.Evidence.RepositoryRoot.TryFind(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot, "artifacts", "dev")
            : Path.GetFullPath(configured);
    }
}
