using System.Security.Cryptography;

namespace Socrates.Integrity.Tests.Migration;

internal static class FileChecksum
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
