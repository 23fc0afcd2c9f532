namespace Socrates.Core.Migration.Errors;

/// <summary>A backup was taken but not proven equal to its source; the migration must not go on.</summary>
public sealed class BackupVerificationException(string backupPath, IReadOnlyList<string> problems)
    : MigrationException(
        MigrationErrorCode.BackupVerificationFailed,
        $"Backup '{backupPath}' is not verified: {string.Join(" | ", problems)}. Do not migrate without a verified backup.",
        new Dictionary<string, string> { ["backup"] = backupPath, ["problems"] = string.Join(" | ", problems) })
{
    public string BackupPath { get; } = backupPath;

    public IReadOnlyList<string> Problems { get; } = problems;
}
