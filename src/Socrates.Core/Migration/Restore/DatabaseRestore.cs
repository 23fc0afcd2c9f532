using System.Globalization;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Backup;

namespace Socrates.Core.Migration.Restore;

/// <summary>
/// Brings a source back from a backup the migration verified (the rollback step). The backup's
/// SHA-256 must equal the one its manifest recorded; the copy is written beside the destination
/// under a temporary name, given back the source's own header (the online backup rewrote three
/// counters in it), checked (SHA-256 against the source's, integrity_check, every table's rows and
/// checksum against the manifest) and only then renamed over the destination in one step. A
/// destination that differs from the backed-up source is replaced only with
/// <see cref="RestoreOptions.Force"/>, and kept beside it under a new name.
/// </summary>
public static class DatabaseRestore
{
    /// <exception cref="RestoreException">The backup does not verify, or the destination cannot or may not be replaced; nothing was written under the destination's name.</exception>
    public static async Task<RestoreResult> RestoreAsync(string backupPath, RestoreOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupPath);
        options ??= new RestoreOptions();
        var backup = Path.GetFullPath(backupPath);
        if (!File.Exists(backup))
        {
            throw new RestoreException(RestoreErrorCode.BackupMissing, backup,
                Directory.Exists(backup) ? $"The backup '{backup}' is a directory, not a backup file." : $"The backup '{backup}' does not exist.");
        }

        var manifest = await ReadManifestAsync(backup, cancellationToken).ConfigureAwait(false);
        var backupSha = await SourceDigest.ComputeAsync(backup, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(backupSha, manifest.BackupSha256, StringComparison.Ordinal))
        {
            throw new RestoreException(RestoreErrorCode.BackupChecksumMismatch, backup,
                $"The backup '{backup}' changed since it was verified: its sha256 is {backupSha}, the manifest recorded {manifest.BackupSha256}. It cannot be trusted; use another backup.");
        }

        var destination = Path.GetFullPath(options.Destination ?? manifest.SourcePath);
        if (Directory.Exists(destination))
        {
            throw new RestoreException(RestoreErrorCode.DestinationUnwritable, destination, $"The destination '{destination}' is a directory.");
        }

        var exists = File.Exists(destination);
        if (exists)
        {
            var current = await SourceDigest.ComputeAsync(destination, cancellationToken).ConfigureAwait(false);
            if (string.Equals(current, manifest.SourceSha256, StringComparison.Ordinal))
            {
                return new RestoreResult(backup, destination, Restored: false, ByteIdentical: true, current, null, manifest.Tables.Count);
            }

            if (!options.Force)
            {
                throw new RestoreException(RestoreErrorCode.DestinationDiffers, destination,
                    $"The destination '{destination}' differs from the source that was backed up (sha256 {current}, backed up {manifest.SourceSha256}): it was changed since. Pass --force to replace it; the file it replaces is kept beside it.");
            }
        }

        var stamp = options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssffffff'Z'", CultureInfo.InvariantCulture);
        var folder = Path.GetDirectoryName(destination)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.restore-{stamp}.incomplete");
        try
        {
            var (sha, byteIdentical) = await CopyAsync(backup, temporary, manifest, cancellationToken).ConfigureAwait(false);
            await CheckTablesAsync(temporary, manifest, cancellationToken).ConfigureAwait(false);
            var replaced = exists ? $"{destination}.replaced-{stamp}" : null;
            MoveSidecarsAside(destination, stamp);
            if (replaced is null)
            {
                File.Move(temporary, destination, overwrite: false);
            }
            else
            {
                // One rename puts the restored file in place; the old one is kept under its new name.
                File.Replace(temporary, destination, replaced);
            }

            return new RestoreResult(backup, destination, Restored: true, byteIdentical, sha, replaced, manifest.Tables.Count);
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            TryDelete(temporary);
            throw new RestoreException(RestoreErrorCode.DestinationUnwritable, destination,
                $"Cannot write the restored file beside '{destination}': {error.Message}", error);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(string backup, CancellationToken cancellationToken)
    {
        var manifestPath = BackupManifest.PathOf(backup);
        if (!File.Exists(manifestPath))
        {
            throw new RestoreException(RestoreErrorCode.ManifestMissing, manifestPath,
                $"'{backup}' is not a verified backup: there is no manifest '{manifestPath}' (a migration writes one only after the backup verified).");
        }

        return await BackupManifest.TryReadAsync(manifestPath, cancellationToken).ConfigureAwait(false) is { SourcePath: not null, BackupSha256: not null, SourceSha256: not null, Tables: not null } manifest
            ? manifest
            : throw new RestoreException(RestoreErrorCode.ManifestMissing, manifestPath, $"The manifest '{manifestPath}' of the backup cannot be read as one.");
    }

    /// <summary>
    /// Copies the backup to <paramref name="temporary"/>, puts the source's header back and checks
    /// the result's SHA-256: the source's when that header makes it byte-identical, otherwise
    /// (the backup's pages differ from the source's, e.g. a WAL source) the backup's own bytes.
    /// </summary>
    private static async Task<(string Sha256, bool ByteIdentical)> CopyAsync(string backup, string temporary, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using (var input = new FileStream(backup, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            output.Flush(flushToDisk: true);
        }

        if (manifest.SourceHeader is { Length: SourceDigest.HeaderBytes * 2 } header)
        {
            await WriteHeaderAsync(temporary, Convert.FromHexString(header), cancellationToken).ConfigureAwait(false);
            var patched = await SourceDigest.ComputeAsync(temporary, cancellationToken).ConfigureAwait(false);
            if (string.Equals(patched, manifest.SourceSha256, StringComparison.Ordinal))
            {
                return (patched, true);
            }

            await WriteHeaderAsync(temporary, Convert.FromHexString(await SourceDigest.HeaderAsync(backup, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        }

        var copied = await SourceDigest.ComputeAsync(temporary, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(copied, manifest.BackupSha256, StringComparison.Ordinal))
        {
            throw new RestoreException(RestoreErrorCode.BackupCorrupt, temporary,
                $"The copy of the backup at '{temporary}' does not have the backup's sha256 ({copied}, expected {manifest.BackupSha256}): the disk changed it.");
        }

        return (copied, string.Equals(copied, manifest.SourceSha256, StringComparison.Ordinal));
    }

    private static async Task WriteHeaderAsync(string path, byte[] header, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, 1);
        await file.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }

    /// <summary>integrity_check, then every table's rows and checksum against the manifest's.</summary>
    private static async Task CheckTablesAsync(string temporary, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await using (var connection = await MigrationConnections.OpenSourceAsync(temporary, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                problems.AddRange((await connection.IntegrityProblemsAsync(10, cancellationToken).ConfigureAwait(false)).Select(p => "integrity_check: " + p));
                if (problems.Count == 0)
                {
                    var tables = await connection.UserTablesAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var expected in manifest.Tables)
                    {
                        if (!tables.Contains(expected.Name, StringComparer.Ordinal))
                        {
                            problems.Add($"table {expected.Name} is missing");
                            continue;
                        }

                        var (rows, checksum) = await TableChecksum.ComputeAsync(connection, expected.Name, cancellationToken).ConfigureAwait(false);
                        if (rows != expected.Rows || !string.Equals(checksum, expected.Checksum, StringComparison.Ordinal))
                        {
                            problems.Add($"table {expected.Name}: {rows} rows, checksum {checksum[..12]}; the manifest recorded {expected.Rows} rows, {expected.Checksum[..Math.Min(12, expected.Checksum.Length)]}");
                        }
                    }
                }
            }
            catch (SqliteException error)
            {
                problems.Add($"SQLite error {error.SqliteErrorCode}: {error.Message}");
            }
        }

        SqliteConnection.ClearAllPools();
        if (problems.Count > 0)
        {
            throw new RestoreException(RestoreErrorCode.BackupCorrupt, temporary,
                $"The restored copy does not match what was backed up: {string.Join("; ", problems)}. The destination was not touched.");
        }
    }

    /// <summary>
    /// A journal or WAL left beside the destination belongs to the file being replaced (or to none):
    /// SQLite would apply it to the restored file. It is kept under the replaced file's stamp.
    /// </summary>
    private static void MoveSidecarsAside(string destination, string stamp)
    {
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            if (File.Exists(destination + suffix))
            {
                File.Move(destination + suffix, $"{destination}.replaced-{stamp}{suffix}");
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The folder that refused the copy may refuse the delete; the name marks it incomplete.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
