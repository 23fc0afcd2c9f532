using System.Security.Cryptography;
using System.Text;

namespace Socrates.Core.Migration.Steps;

/// <summary>
/// Checksums of step definitions: SHA-256 over UTF-8, line endings normalised to LF so a
/// checkout with CRLF does not look like an edited step.
/// </summary>
public static class MigrationChecksum
{
    public static string Of(string definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var normalised = definition.ReplaceLineEndings("\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
