using System.Security.Cryptography;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// SHA-256 of a database as it lies on disk: the main file, then its <c>-wal</c> file when one
/// holds frames (a WAL database's newest commits live there, so the main file alone could match
/// an older backup).
/// </summary>
public static class SourceDigest
{
    public static async Task<string> ComputeAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await AppendAsync(hash, databasePath, cancellationToken).ConfigureAwait(false);
        var wal = databasePath + "-wal";
        if (File.Exists(wal) && new FileInfo(wal).Length > 0)
        {
            await AppendAsync(hash, wal, cancellationToken).ConfigureAwait(false);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task AppendAsync(IncrementalHash hash, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
    }
}
