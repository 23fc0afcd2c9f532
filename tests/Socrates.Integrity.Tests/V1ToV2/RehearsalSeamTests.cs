using Socrates.Core.Migration.V1ToV2;
using Socrates.Evidence;
using Socrates.Integrity.Tests.Migration;
using Socrates.Testing.Integrity;
using Socrates.Testing.Rehearsal;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// The rehearsal path on a generated database passed as if it were a user's file, through the
/// same seam the migration tests use: the migration, its verification and a rerun work on the
/// copy; the user's file comes out byte-identical; the record names it by path, size and SHA-256
/// before and after; the figures written meanwhile are marked with its SHA-256, and only those.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class RehearsalSeamTests
{
    [Fact]
    public async Task CopyTo_GeneratedDatabaseAsUserFile_MigratedCleanSourceByteIdenticalRecorded()
    {
        using var directory = new TempDirectory();
        var user = directory.File("user-v1.db");
        await V1Databases.GenerateAsync(user, new V1GenerationOptions(Users: 4, Projects: 12, MessagesPerProject: 3, Seed: 18, BadShare: 0.05));
        var bytesBefore = await File.ReadAllBytesAsync(user);
        var records = directory.File("artifacts");
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");

        RehearsalRecord record;
        string? markedDuringRun;
        using (var rehearsal = RehearsalDatabase.CopyTo(user, v1, records))
        {
            var summary = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
            var rerun = await V1ToV2Migrator.MigrateAsync(v1, v2, new V1ToV2Options(), null, CancellationToken.None);
            var report = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
            markedDuringRun = RehearsalDatabase.CurrentDataset;
            Assert.True(summary.BackupVerified);
            Assert.True(rerun.BackupVerified);
            Assert.True(report.Clean, report.Report.Describe());
            Assert.Equal(rehearsal.Sha256, markedDuringRun);
            Assert.Equal(bytesBefore.LongLength, rehearsal.Bytes);
            record = rehearsal.Finish();
        }

        Assert.Equal(bytesBefore, await File.ReadAllBytesAsync(user));
        Assert.Null(RehearsalDatabase.CurrentDataset);
        Assert.True(record.SourceUnchanged);
        Assert.Equal(Path.GetFullPath(user), record.Path);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytesBefore)), record.Sha256Before);
        Assert.Empty(Directory.GetFiles(directory.Path, "user-v1.backup-*"));
        var written = Assert.Single(Directory.GetFiles(Path.Combine(records, RehearsalRecord.Folder), "*.json"));
        Assert.Equal(record, RehearsalRecord.TryRead(written, out var error) ?? throw new InvalidOperationException(error));
    }

    [Fact]
    public async Task Finish_SourceWrittenDuringRehearsal_RecordSaysChanged()
    {
        using var directory = new TempDirectory();
        var user = directory.File("user-v1.db");
        await V1Databases.GenerateAsync(user, new V1GenerationOptions(Users: 2, Projects: 3, MessagesPerProject: 1, Seed: 19, BadShare: 0));
        using var rehearsal = RehearsalDatabase.CopyTo(user, directory.File("v1.db"), directory.File("artifacts"));

        await File.AppendAllTextAsync(user, "x");
        var record = rehearsal.Finish();

        Assert.False(record.SourceUnchanged);
        Assert.NotEqual(record.Sha256Before, record.Sha256After);
    }

    [Fact]
    public void Resolve_MissingFile_TypedErrorNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "socrates-no-such-" + Guid.NewGuid().ToString("N") + ".db");

        var error = Assert.Throws<RehearsalSourceException>(() => RehearsalDatabase.Resolve(missing));

        Assert.Equal(missing, error.Path);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
        Assert.Contains(RehearsalDatabase.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Empty_NoRehearsal() => Assert.Null(RehearsalDatabase.Resolve(" "));
}
