using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Core.Migration.Restore;

/// <summary>What a restore did and what it proved.</summary>
/// <param name="BackupPath">The verified backup restored from.</param>
/// <param name="DestinationPath">The file brought back.</param>
/// <param name="Restored">False when the destination already held the backed-up source's bytes: nothing was written.</param>
/// <param name="ByteIdentical">The destination's SHA-256 equals the one the source had when it was backed up.</param>
/// <param name="Sha256">The destination's SHA-256 now.</param>
/// <param name="ReplacedPath">Where the file that stood at the destination was kept; null when none was replaced.</param>
/// <param name="Tables">Tables whose rows and checksum were checked against the manifest.</param>
public sealed record RestoreResult(
    [property: JsonPropertyName("backup")] string BackupPath,
    [property: JsonPropertyName("destination")] string DestinationPath,
    [property: JsonPropertyName("restored")] bool Restored,
    [property: JsonPropertyName("byte_identical_to_source")] bool ByteIdentical,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("replaced")] string? ReplacedPath,
    [property: JsonPropertyName("tables_checked")] int Tables)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>One line for a person.</summary>
    public string Describe() => Restored
        ? $"Restored '{DestinationPath}' from '{BackupPath}' ({Tables} tables checked, {(ByteIdentical ? "byte-identical to the source as backed up" : "same rows and checksums as the source, file header differs")})"
            + (ReplacedPath is null ? "." : $"; the file it replaced is kept as '{ReplacedPath}'.")
        : $"'{DestinationPath}' already holds the backed-up source (sha256 {Sha256}); nothing was written.";
}
