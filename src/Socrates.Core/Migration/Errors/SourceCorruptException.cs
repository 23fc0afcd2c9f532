namespace Socrates.Core.Migration.Errors;

/// <summary>A source database answered <c>PRAGMA integrity_check</c> with something other than "ok".</summary>
public sealed class SourceCorruptException(string path, IReadOnlyList<string> problems, Exception? inner = null)
    : MigrationException(
        MigrationErrorCode.SourceCorrupt,
        $"Source database '{path}' is corrupt; integrity_check reported: {string.Join(" | ", problems)}. Nothing was written.",
        new Dictionary<string, string> { ["path"] = path, ["problems"] = string.Join(" | ", problems) },
        inner)
{
    public string Path { get; } = path;

    /// <summary>The first problems integrity_check reported (bounded).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
