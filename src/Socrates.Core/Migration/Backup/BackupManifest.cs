using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Core.Migration.Backup;

/// <summary>
/// What was proven about a verified backup, written beside it (<c>&lt;backup&gt;.manifest.json</c>)
/// once the backup verified: the digests of the source it was taken from and of the backup file,
/// and each table's rows and checksum. A later run of the same unchanged source reuses the backup
/// after checking both digests again instead of copying the source once more.
/// <c>source_header</c> holds the source's 100-byte SQLite header (hex): the online backup rewrites
/// three counters in it (change counter, schema cookie, version-valid-for), so a restore puts the
/// source's header back to give the source's very bytes (checked against <c>source_sha256</c>).
/// </summary>
public sealed record BackupManifest(
    [property: JsonPropertyName("source_path")] string SourcePath,
    [property: JsonPropertyName("source_sha256")] string SourceSha256,
    [property: JsonPropertyName("backup_sha256")] string BackupSha256,
    [property: JsonPropertyName("verified_at")] DateTimeOffset VerifiedAt,
    [property: JsonPropertyName("tables")] IReadOnlyList<BackupManifestTable> Tables,
    [property: JsonPropertyName("source_header")] string? SourceHeader = null)
{
    public const string Suffix = ".manifest.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public static string PathOf(string backupPath) => backupPath + Suffix;

    /// <summary>Writes the manifest under a temporary name, then renames it: a half-written manifest never exists.</summary>
    public async Task WriteAsync(string backupPath, CancellationToken cancellationToken)
    {
        var path = PathOf(backupPath);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.incomplete");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(this, s_json), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The manifest at <paramref name="manifestPath"/>, or null when it does not parse.</summary>
    public static async Task<BackupManifest?> TryReadAsync(string manifestPath, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(manifestPath);
            return await JsonSerializer.DeserializeAsync<BackupManifest>(stream, s_json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>One table of a <see cref="BackupManifest"/>.</summary>
public sealed record BackupManifestTable(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("checksum")] string Checksum);
