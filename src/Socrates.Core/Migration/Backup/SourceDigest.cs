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

    /// <summary>Size of the SQLite database header at the start of page 1.</summary>
    public const int HeaderBytes = 100;

    /// <summary>The first <see cref="HeaderBytes"/> bytes of <paramref name="databasePath"/>, lowercase hex (fewer when the file is shorter).</summary>
    public static async Task<string> HeaderAsync(string databasePath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var buffer = new byte[HeaderBytes];
        await using var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        var read = await stream.ReadAtLeastAsync(buffer, HeaderBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(buffer, 0, read);
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
