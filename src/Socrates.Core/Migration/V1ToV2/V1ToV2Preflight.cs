using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Errors;
using Socrates.Core.V1;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Looks at both files before anything is written, so a careless argument is refused with the
/// file named and what it is, instead of surfacing later as an SQLite error, or worse, as
/// bookkeeping tables written into somebody else's database. A target is accepted when it does
/// not exist yet (in a writable folder), is an empty SQLite file, or carries this migration's
/// <c>schema_history</c> (a run to resume or repeat).
/// </summary>
internal static class V1ToV2Preflight
{
    private static readonly byte[] s_sqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Tables only a V2 database has; their presence in a source means it was given the wrong way round.</summary>
    private static readonly string[] s_v2Markers = ["schema_history", "migration_runs", "conversation_messages", "project_details"];

    /// <exception cref="V1ToV2MigrationException">Either file is unfit; nothing was written.</exception>
    public static async Task CheckAsync(string v1Path, string v2Path, string? backupDirectory, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(v1Path);
        var target = Path.GetFullPath(v2Path);
        if (Directory.Exists(source))
        {
            throw Refuse(MigrationErrorCode.SourceNotV1, $"the source '{source}' is a directory, not a V1 database file.");
        }

        if (!File.Exists(source))
        {
            throw Refuse(MigrationErrorCode.SourceCorrupt, $"the V1 file '{v1Path}' does not exist.");
        }

        if (string.Equals(Resolved(source), Resolved(target), StringComparison.Ordinal))
        {
            throw Refuse(MigrationErrorCode.TargetIsSource, $"--to '{target}' is the source itself; give a new file for the V2 database.");
        }

        await CheckSourceAsync(source, cancellationToken).ConfigureAwait(false);
        await CheckTargetAsync(target, cancellationToken).ConfigureAwait(false);
        CheckBackupFolder(VerifiedBackups.FolderOf(source, backupDirectory));
    }

    /// <summary>The backup folder, or the nearest existing folder it would be created in, must be writable.</summary>
    private static void CheckBackupFolder(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw Refuse(MigrationErrorCode.BackupFolderUnusable, $"the backup folder '{folder}' cannot be created: '{existing}' is a file. Pass --backup-dir DIR for the backup.");
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return;
            }
        }

        if (!FolderIsWritable(existing))
        {
            throw Refuse(MigrationErrorCode.BackupFolderUnusable,
                $"the backup folder '{existing}' is not writable (a read-only source folder?); pass --backup-dir DIR (V1ToV2Options.BackupDirectory) to put the verified backup elsewhere.");
        }
    }

    private static async Task CheckSourceAsync(string source, CancellationToken cancellationToken)
    {
        if (!await HasSqliteHeaderAsync(source, cancellationToken).ConfigureAwait(false))
        {
            // Corrupt as far as anyone can tell: a damaged header and a file that never was SQLite look alike.
            throw Refuse(MigrationErrorCode.SourceCorrupt, $"the source '{source}' is not an SQLite database, or its header is damaged ({Describe(source)}).");
        }

        var tables = await TablesAsync(source, cancellationToken).ConfigureAwait(false);
        if (tables is null)
        {
            return; // a damaged schema: the backup's integrity_check reports it with the detail
        }

        if (s_v2Markers.FirstOrDefault(tables.Contains) is { } marker)
        {
            throw Refuse(MigrationErrorCode.SourceNotV1, $"the source '{source}' is a V2 database (it has the table '{marker}'), not a V1 one; --from takes the V1 file.");
        }

        if (!V1Schema.TableNames.Any(tables.Contains))
        {
            throw Refuse(MigrationErrorCode.SourceNotV1,
                $"the source '{source}' has none of the V1 tables ({string.Join(", ", V1Schema.TableNames)}); it holds: {Listed(tables)}.");
        }
    }

    private static async Task CheckTargetAsync(string target, CancellationToken cancellationToken)
    {
        if (Directory.Exists(target))
        {
            throw Refuse(MigrationErrorCode.TargetNotMigrationTarget, $"the target '{target}' is a directory; --to takes a database file name.");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw Refuse(MigrationErrorCode.TargetNotMigrationTarget, $"the target's folder '{folder}' does not exist.");
        }

        if (!FolderIsWritable(folder))
        {
            throw Refuse(MigrationErrorCode.TargetReadOnly,
                $"the target's folder '{folder}' is not writable (SQLite writes the database and its journal there); choose a writable folder for --to.");
        }

        if (!File.Exists(target) || new FileInfo(target).Length == 0)
        {
            return;
        }

        if (!await HasSqliteHeaderAsync(target, cancellationToken).ConfigureAwait(false))
        {
            throw Refuse(MigrationErrorCode.TargetNotMigrationTarget,
                $"the target '{target}' exists and is not an SQLite database ({Describe(target)}); it was left as it is. Give a new file name or delete it.");
        }

        var tables = await TablesAsync(target, cancellationToken).ConfigureAwait(false);
        if (tables is null)
        {
            throw Refuse(MigrationErrorCode.TargetNotMigrationTarget,
                $"the target '{target}' exists and its schema cannot be read (a damaged SQLite file); it was left as it is. Give a new file name or delete it.");
        }

        if (tables.Count > 0 && !tables.Contains("schema_history"))
        {
            var what = V1Schema.TableNames.All(tables.Contains) && !tables.Contains("schema_version")
                ? "a V1 database"
                : tables.Contains("schema_version") ? "a V2 database not made by this migration" : "an SQLite database of something else";
            throw Refuse(MigrationErrorCode.TargetNotMigrationTarget,
                $"the target '{target}' is {what} (tables: {Listed(tables)}); the migration writes only into a new file or a V2 file it made. It was left as it is.");
        }

        try
        {
            await using var probe = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            throw Refuse(MigrationErrorCode.TargetReadOnly, $"the target '{target}' is not writable (file permissions).");
        }
    }

    private static V1ToV2MigrationException Refuse(MigrationErrorCode code, string problem) =>
        new(V1ToV2Stage.VerifySource, code, problem, null);

    /// <summary>The path with symbolic links resolved, so a link to the source is recognised as the source.</summary>
    private static string Resolved(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.ResolveLinkTarget(returnFinalTarget: true) is { } link ? Path.GetFullPath(link.FullName) : path;
        }
        catch (IOException)
        {
            return path;
        }
    }

    private static bool FolderIsWritable(string folder)
    {
        var probe = Path.Combine(folder, $".socrates-write-probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> HasSqliteHeaderAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[s_sqliteMagic.Length];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == header.Length && header.AsSpan().SequenceEqual(s_sqliteMagic);
    }

    /// <summary>What a file that is not SQLite looks like: its size and whether it reads as text.</summary>
    private static string Describe(string path)
    {
        var length = new FileInfo(path).Length;
        var head = new byte[(int)Math.Min(64, length)];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(head);
        }

        var text = head.All(b => b is 9 or 10 or 13 or (>= 32 and < 127));
        return text
            ? $"{length} bytes of text starting '{System.Text.Encoding.ASCII.GetString(head).ReplaceLineEndings(" ").Trim()}'"
            : $"{length} bytes without the SQLite header";
    }

    /// <summary>The table names, or null when the schema cannot be read (a damaged file).</summary>
    private static async Task<HashSet<string>?> TablesAsync(string path, CancellationToken cancellationToken)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var connection = await MigrationConnections.OpenSourceAsync(path, cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }
        catch (SqliteException error) when (error.SqliteErrorCode is 11 or 26)
        {
            return null;
        }

        return tables;
    }

    private static string Listed(HashSet<string> tables) =>
        tables.Count == 0 ? "no tables" : string.Join(", ", tables.Order(StringComparer.Ordinal).Take(12)) + (tables.Count > 12 ? ", ..." : "");
}
