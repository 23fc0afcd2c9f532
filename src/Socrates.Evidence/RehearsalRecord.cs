using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Evidence;

/// <summary>
/// One use of the user's own V1 database by a test during a rehearsal
/// (<c>{artifacts}/rehearsal/{id}.json</c>): which file (path, size, SHA-256 before the test copied
/// it) and its SHA-256 after the test ended, which must be the same (the source is never written).
/// The metric records the test wrote carry the same SHA-256 in their <c>dataset</c> field; the
/// gate engine marks a gate as measured on real data only when both agree.
/// </summary>
public sealed record RehearsalRecord(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256Before")] string Sha256Before,
    [property: JsonPropertyName("sha256After")] string Sha256After,
    [property: JsonPropertyName("test")] string? Test,
    [property: JsonPropertyName("writtenAt")] DateTimeOffset WrittenAt)
{
    /// <summary>The folder under an artifacts root holding one record per use of the database.</summary>
    public const string Folder = "rehearsal";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>True when the source's bytes after the test are the bytes it had before.</summary>
    [JsonIgnore]
    public bool SourceUnchanged => string.Equals(Sha256Before, Sha256After, StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes this record atomically to <c>{artifactsRoot}/rehearsal/{id}.json</c> and returns that path.</summary>
    public string Write(string artifactsRoot, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var target = System.IO.Path.Combine(artifactsRoot, Folder, id + ".json");
        AtomicFile.WriteAllText(target, JsonSerializer.Serialize(this, s_json));
        return target;
    }

    /// <summary>Reads a record; null with <paramref name="error"/> set when the file is not one.</summary>
    public static RehearsalRecord? TryRead(string path, out string? error)
    {
        try
        {
            var record = JsonSerializer.Deserialize<RehearsalRecord>(File.ReadAllText(path));
            error = record is null || string.IsNullOrEmpty(record.Path) || string.IsNullOrEmpty(record.Sha256Before) || string.IsNullOrEmpty(record.Sha256After)
                ? "not a rehearsal record (path, sha256Before and sha256After are required)"
                : null;
            return error is null ? record : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            error = ex.Message;
            return null;
        }
    }
}
