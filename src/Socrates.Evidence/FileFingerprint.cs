using System.Security.Cryptography;

namespace Socrates.Evidence;

/// <summary>
/// A file's size and SHA-256 (lowercase hex): how evidence and a rehearsed database are named,
/// so that a later reader can tell whether the file is still the one a verdict was decided on.
/// </summary>
public readonly record struct FileFingerprint(long Bytes, string Sha256)
{
    /// <summary>Reads the whole file once; other readers and writers may keep it open.</summary>
    public static FileFingerprint Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new FileFingerprint(stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
