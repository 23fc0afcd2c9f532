namespace Socrates.Core.Migration.Backup;

/// <summary>Options of <see cref="DatabaseBackup"/>.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder of the backup file; defaults to the source's folder (the backup sits beside it).</summary>
    public string? Directory { get; init; }

    /// <summary>Integrity problems to collect at most.</summary>
    public int MaxProblems { get; init; } = 10;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
