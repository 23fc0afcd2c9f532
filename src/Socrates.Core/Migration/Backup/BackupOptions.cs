namespace Socrates.Core.Migration.Backup;

/// <summary>Options of <see cref="DatabaseBackup"/>.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder of the backup file; defaults to the source's folder (the backup sits beside it).</summary>
    public string? Directory { get; init; }

    /// <summary>Integrity problems to collect at most.</summary>
    public int MaxProblems { get; init; } = 10;

    /// <summary>
    /// Told the temporary file's path once every page is copied, before the copy is verified and
    /// renamed: the point where a kill leaves the most that could pass for a backup (the crash
    /// host stops still here so a SIGKILL lands mid-backup).
    /// </summary>
    public Action<string>? PagesCopied { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
