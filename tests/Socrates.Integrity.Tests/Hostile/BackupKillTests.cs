using System.Diagnostics;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// A SIGKILL in the middle of the backup (the real migrator in its own process, stopped still once
/// the backup's pages are written and before they are verified) leaves nothing under a backup's
/// final name, and the next run removes the abandoned temporary file, makes, verifies and records a
/// backup of its own and completes.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class BackupKillTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 4, Projects: 12, MessagesPerProject: 3, Seed: 71, BadShare: 0);
    private static readonly TimeSpan s_runLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Migrate_KilledMidBackup_NoFinalBackupAndRerunCompletes()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var digest = V1Databases.FileDigest(v1);

        var partial = await KillInBackupAsync(v1, v2);

        // The kill landed mid-backup: the copy was there, whole, under its temporary name.
        Assert.StartsWith(".v1.backup-", Path.GetFileName(partial), StringComparison.Ordinal);
        Assert.True(File.Exists(partial), "the backup's temporary file should be what the kill left");
        Assert.Empty(Directory.GetFiles(directory.Path, "v1.backup-*"));
        Assert.Equal(digest, V1Databases.FileDigest(v1));

        var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, null, null, CancellationToken.None);

        Assert.True(summary.BackupVerified);
        Assert.False(summary.BackupReused);
        Assert.NotNull(summary.Verification);
        Assert.True(summary.Verification.Clean);
        Assert.True(File.Exists(summary.BackupPath));
        Assert.True(File.Exists(BackupManifest.PathOf(summary.BackupPath)));
        Assert.Equal(Path.GetFileName(summary.BackupPath), Path.GetFileName(Assert.Single(Directory.GetFiles(directory.Path, "v1.backup-*.db"))));
        Assert.False(File.Exists(partial), "the killed backup's temporary file should be cleaned up by the next run");
        Assert.Empty(Directory.GetFiles(directory.Path, ".v1.backup-*.incomplete"));
        Assert.Equal(digest, V1Databases.FileDigest(v1));
    }

    /// <summary>Runs the crash host until it reports the backup's pages written, SIGKILLs it there; returns the temporary path it reported.</summary>
    private static async Task<string> KillInBackupAsync(string v1, string v2)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { CrashHostProcess.HostPath, "v1v2", v1, v2, "20", "backup" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash host.");
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(s_runLimit);
        string? partial = null;
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(limit.Token)) is not null)
        {
            if (line.StartsWith("backup copied ", StringComparison.Ordinal))
            {
                partial = line["backup copied ".Length..];
                break;
            }
        }

        if (process.HasExited)
        {
            var why = await errors;
            Assert.Fail("the host ended before the backup pause: " + why);
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(limit.Token);
        return partial ?? throw new InvalidOperationException("The host never reported the backup's pages written.");
    }
}
