namespace Socrates.Gates.Tests.TestSupport;

/// <summary>
/// Where a test keeps files for people to look at (screenshots), by the rule of the test kit's
/// <c>ArtifactPaths</c>, which the engine's tests do not reference (the engine knows nothing of
/// Socrates): <c>SOCRATES_ARTIFACTS</c> when the pipeline sets it, else <c>artifacts/dev/</c> at
/// the repository root, which no report reads; then <c>evidence/&lt;suite&gt;/&lt;name&gt;/</c>.
/// </summary>
internal static class EvidenceFolder
{
    public static string Create(string suite, string name)
    {
        var configured = Environment.GetEnvironmentVariable("SOCRATES_ARTIFACTS");
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Socrates.Evidence.RepositoryRoot.Current, "artifacts", "dev")
            : Path.GetFullPath(configured);
        var folder = Path.Combine(root, "evidence", suite, name);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
