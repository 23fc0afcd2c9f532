using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The V1 -> V2 migration failed: at which <see cref="Stage"/>, where the backup of the source is
/// (null when the failure came before it existed), and the framework's error as the inner exception.
/// The source is never written; the batch in flight was rolled back, and a new run resumes.
/// </summary>
public sealed class V1ToV2MigrationException : MigrationException
{
    public V1ToV2MigrationException(V1ToV2Stage stage, MigrationErrorCode code, string problem, string? backupPath, V1ToV2Summary? summary = null, Exception? inner = null)
        : base(code,
            $"The V1 -> V2 migration failed at {stage}: {problem} The source was not modified; " +
            (backupPath is null ? "no backup had been made yet." : $"its backup is at '{backupPath}'."),
            new Dictionary<string, string> { ["stage"] = stage.ToString(), ["backup"] = backupPath ?? "" },
            inner)
    {
        Stage = stage;
        BackupPath = backupPath;
        Summary = summary;
    }

    public V1ToV2MigrationException()
        : this(V1ToV2Stage.Copy, MigrationErrorCode.CopyFailed, "unknown.", null)
    {
    }

    public V1ToV2MigrationException(string message)
        : base(message)
    {
    }

    public V1ToV2MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public V1ToV2Stage Stage { get; }

    public string? BackupPath { get; }

    /// <summary>What the run had done when it stopped (tables, accounting, validation), when it got that far.</summary>
    public V1ToV2Summary? Summary { get; }
}
