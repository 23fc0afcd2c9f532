namespace Socrates.BenchmarkAnalysis.Tests;

/// <summary>
/// The committed sample of real BenchmarkDotNet output (Samples/*-report-full.json: a quick-profile
/// run of the Reference, SelfTest and Sqlite benchmarks, Overhead measurements trimmed to two) and
/// the repository's own files, found from the test's folder without copying them to the output.
/// </summary>
internal static class SamplePaths
{
    public static string RepositoryRoot => Socrates.Evidence.RepositoryRoot.Current;

    public static string SamplesDirectory => Path.Combine(RepositoryRoot, "tests", "Socrates.BenchmarkAnalysis.Tests", "Samples");

    /// <summary>
    /// The harness's own comparisons (Reference, SelfTest, Sqlite, Logging), frozen beside the
    /// sample they describe; the repository's benchmarks/comparisons.json keeps growing.
    /// </summary>
    public static string ComparisonsFile => Path.Combine(SamplesDirectory, "harness-comparisons.json");

    /// <summary>The repository's live comparisons file.</summary>
    public static string RepositoryComparisonsFile => Path.Combine(RepositoryRoot, "benchmarks", "comparisons.json");

    /// <summary>A fresh temporary folder, deleted by the returned handle.</summary>
    public static TemporaryDirectory Temporary() => new();

    internal sealed class TemporaryDirectory : IDisposable
    {
        public TemporaryDirectory()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "socrates-bench-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
