namespace Socrates.Gates.Metrics;

/// <summary>Paths as the report shows them: relative to the artifacts root, with forward slashes.</summary>
internal static class ArtifactPath
{
    public static string Relative(string artifactsRoot, string path) =>
        Path.GetRelativePath(artifactsRoot, path).Replace('\\', '/');
}
