namespace Socrates.Core.Migration.Backup;

/// <summary>
/// The verified backups of a source in a backup folder: finds one taken from the very bytes the
/// source has now (so a rerun adds no second full copy), and records the proof of a new one.
/// </summary>
public static class VerifiedBackups
{
    /// <summary>The folder backups of <paramref name="sourcePath"/> go to (the source's folder unless given).</summary>
    public static string FolderOf(string sourcePath, string? directory) =>
        Path.GetFullPath(directory ?? Path.GetDirectoryName(Path.GetFullPath(sourcePath))!);

    /// <summary>
    /// The newest backup whose manifest names <paramref name="sourceSha256"/> and whose file still
    /// has the digest recorded when it was verified; null when there is none.
    /// </summary>
    public static async Task<BackupResult?> FindAsync(string sourcePath, string? directory, string sourceSha256, TimeProvider time, CancellationToken cancellationToken)
    {
        var folder = FolderOf(sourcePath, directory);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var started = time.GetTimestamp();
        var stem = Path.GetFileNameWithoutExtension(sourcePath) + ".backup-";
        var manifests = Directory.EnumerateFiles(folder, stem + "*" + BackupManifest.Suffix)
            .OrderDescending(StringComparer.Ordinal);
        foreach (var manifestPath in manifests)
        {
            var manifest = await BackupManifest.TryReadAsync(manifestPath, cancellationToken).ConfigureAwait(false);
            var backupPath = manifestPath[..^BackupManifest.Suffix.Length];
            if (manifest is null || !string.Equals(manifest.SourceSha256, sourceSha256, StringComparison.Ordinal) || !File.Exists(backupPath))
            {
                continue;
            }

            // The backup's bytes are checked again: a file damaged since it was verified is not reused.
            if (string.Equals(await SourceDigest.ComputeAsync(backupPath, cancellationToken).ConfigureAwait(false), manifest.BackupSha256, StringComparison.Ordinal))
            {
                return new BackupResult(
                    Path.GetFullPath(sourcePath), backupPath,
                    [.. manifest.Tables.Select(t => new BackupTable(t.Name, t.Rows, t.Rows, t.Checksum, t.Checksum))],
                    IntegrityCheckRan: true, IntegrityProblems: [], CountsCompared: true, time.GetElapsedTime(started))
                { Reused = true };
            }
        }

        return null;
    }

    /// <summary>
    /// Writes the manifest of a verified <paramref name="backup"/> taken from a source whose digest
    /// was <paramref name="sourceSha256"/> and whose header was <paramref name="sourceHeader"/> (hex).
    /// </summary>
    public static async Task RecordAsync(BackupResult backup, string sourceSha256, TimeProvider time, CancellationToken cancellationToken, string? sourceHeader = null)
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(time);
        backup.EnsureVerified();
        var manifest = new BackupManifest(
            backup.SourcePath, sourceSha256,
            await SourceDigest.ComputeAsync(backup.BackupPath, cancellationToken).ConfigureAwait(false),
            time.GetUtcNow(),
            [.. backup.Tables.Select(t => new BackupManifestTable(t.Name, t.SourceRows, t.SourceChecksum))],
            sourceHeader);
        await manifest.WriteAsync(backup.BackupPath, cancellationToken).ConfigureAwait(false);
    }
}
