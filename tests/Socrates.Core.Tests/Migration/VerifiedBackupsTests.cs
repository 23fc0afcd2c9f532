using Socrates.Core.Migration.Backup;

namespace Socrates.Core.Tests.Migration;

/// <summary>
/// Reuse of a verified backup is decided by digests alone: the manifest must name the source's
/// current bytes and the backup file must still have the bytes it had when verified.
/// </summary>
[Trait("Category", "Unit")]
public sealed class VerifiedBackupsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("socrates-backups-").FullName;

    [Fact]
    public async Task FindAsync_ManifestOfSameSourceBytes_ReusedWithItsTables()
    {
        var (source, backup) = await WriteVerifiedAsync();

        var found = await VerifiedBackups.FindAsync(source, null, await SourceDigest.ComputeAsync(source, CancellationToken.None), TimeProvider.System, CancellationToken.None);

        Assert.NotNull(found);
        Assert.True(found.Reused);
        Assert.True(found.Verified);
        Assert.Equal(backup, found.BackupPath);
        Assert.Equal(3, Assert.Single(found.Tables).SourceRows);
    }

    [Fact]
    public async Task FindAsync_SourceBytesChanged_NotReused()
    {
        var (source, _) = await WriteVerifiedAsync();
        await File.AppendAllTextAsync(source, "more");

        var found = await VerifiedBackups.FindAsync(source, null, await SourceDigest.ComputeAsync(source, CancellationToken.None), TimeProvider.System, CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_BackupChangedSinceVerified_NotReused()
    {
        var (source, backup) = await WriteVerifiedAsync();
        await File.AppendAllTextAsync(backup, "damage");

        var found = await VerifiedBackups.FindAsync(source, null, await SourceDigest.ComputeAsync(source, CancellationToken.None), TimeProvider.System, CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task FindAsync_ManifestNotJson_Ignored()
    {
        var (source, backup) = await WriteVerifiedAsync();
        await File.WriteAllTextAsync(BackupManifest.PathOf(backup), "{ half");

        var found = await VerifiedBackups.FindAsync(source, null, await SourceDigest.ComputeAsync(source, CancellationToken.None), TimeProvider.System, CancellationToken.None);

        Assert.Null(found);
    }

    [Fact]
    public async Task RecordAsync_UnverifiedBackup_Throws()
    {
        var (source, backup) = await WriteVerifiedAsync();
        var unverified = new BackupResult(source, backup, [], IntegrityCheckRan: false, [], CountsCompared: false, TimeSpan.Zero);

        await Assert.ThrowsAsync<Socrates.Core.Migration.Errors.BackupVerificationException>(
            () => VerifiedBackups.RecordAsync(unverified, "digest", TimeProvider.System, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A stand-in source and backup (digests do not care what the bytes are) with the manifest a verified backup gets.</summary>
    private async Task<(string Source, string Backup)> WriteVerifiedAsync()
    {
        var source = Path.Combine(_folder, "v1.db");
        var backup = Path.Combine(_folder, "v1.backup-20261122T120000000000Z.db");
        await File.WriteAllTextAsync(source, "source bytes");
        await File.WriteAllTextAsync(backup, "backup bytes");
        var result = new BackupResult(source, backup, [new BackupTable("users", 3, 3, "abc", "abc")], IntegrityCheckRan: true, [], CountsCompared: true, TimeSpan.Zero);
        await VerifiedBackups.RecordAsync(result, await SourceDigest.ComputeAsync(source, CancellationToken.None), TimeProvider.System, CancellationToken.None);
        return (source, backup);
    }
}
