using Socrates.Evidence;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>
/// Records and re-checks the files a report read: path relative to the artifacts root, size and
/// SHA-256. Hashing streams the file, so a large evidence file costs no memory.
/// </summary>
internal static class EvidenceLedger
{
    /// <summary>One entry per distinct existing file, in path order; files that vanished since they were read are left out.</summary>
    public static IReadOnlyList<EvidenceFile> Record(string artifactsRoot, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var root = Path.GetFullPath(artifactsRoot);
        return files
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .Select(f => Describe(root, f))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Every recorded file that is no longer as recorded, one line each
    /// (<c>changed: path (...)</c> or <c>missing: path</c>); empty when all match.
    /// </summary>
    public static IReadOnlyList<string> Verify(string artifactsRoot, IEnumerable<EvidenceFile> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var root = Path.GetFullPath(artifactsRoot);
        var findings = new List<string>();
        foreach (var entry in recorded)
        {
            var path = Path.GetFullPath(Path.Combine(root, entry.Path));
            if (!File.Exists(path))
            {
                findings.Add($"missing: {entry.Path}");
                continue;
            }

            var now = Describe(root, path);
            if (now.Bytes != entry.Bytes || !string.Equals(now.Sha256, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"changed: {entry.Path} (recorded {entry.Bytes} bytes sha256 {entry.Sha256}, now {now.Bytes} bytes sha256 {now.Sha256})");
            }
        }

        return findings;
    }

    private static EvidenceFile Describe(string root, string path)
    {
        var fingerprint = FileFingerprint.Of(path);
        return new EvidenceFile(ArtifactPath.Relative(root, path), fingerprint.Bytes, fingerprint.Sha256);
    }
}
