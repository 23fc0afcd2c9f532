using System.Text.Json;
using Socrates.Cli;
using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// <c>socrates rehearse</c> on a generated database passed as if it were a user's file: clean,
/// the file byte-identical afterwards and named by path, size and SHA-256; a V2 that answers
/// differently is a finding; a missing file is a usage error.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class RehearseCliTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 4, Projects: 12, MessagesPerProject: 3, Seed: 23, BadShare: 0.05);

    [Fact]
    public async Task Rehearse_GeneratedDatabaseAsUserFile_CleanSourceByteIdentical()
    {
        using var directory = new TempDirectory();
        var user = directory.File("user-v1.db");
        await V1Databases.GenerateAsync(user, s_small);
        var bytes = await File.ReadAllBytesAsync(user);

        var (exit, output, error) = await CliRun.RunAsync("rehearse", "--v1-database", user, "--work", directory.File("work"));

        Assert.True(exit == CliExitCodes.Success, error + output);
        using var report = JsonDocument.Parse(output);
        var database = report.RootElement.GetProperty("database");
        Assert.True(report.RootElement.GetProperty("clean").GetBoolean());
        Assert.Equal(Path.GetFullPath(user), database.GetProperty("path").GetString());
        Assert.Equal(bytes.LongLength, database.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), database.GetProperty("sha256_before").GetString());
        Assert.True(database.GetProperty("unchanged").GetBoolean());
        Assert.True(report.RootElement.GetProperty("answers").GetProperty("compared").GetInt64() > 0);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(user));
        Assert.Empty(Directory.GetFiles(directory.Path, "user-v1.backup-*"));
        Assert.Contains("Rehearsal clean", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_V2AnswerDiffers_ExitFindingNotClean()
    {
        using var directory = new TempDirectory();
        var user = directory.File("user-v1.db");
        await V1Databases.GenerateAsync(user, s_small);

        (int Exit, string Output, string Error) run;
        using (Failpoint.Enable(DualRunFailpoints.V2AnswerDiffers))
        {
            run = await CliRun.RunAsync("rehearse", "--v1-database", user);
        }

        Assert.Equal(1, run.Exit);
        using var report = JsonDocument.Parse(run.Output);
        Assert.False(report.RootElement.GetProperty("clean").GetBoolean());
        Assert.True(report.RootElement.GetProperty("answers").GetProperty("mismatches").GetInt64() > 0);
    }

    [Fact]
    public async Task Rehearse_MissingFile_UsageError()
    {
        var missing = Path.Combine(Path.GetTempPath(), "socrates-no-such-" + Guid.NewGuid().ToString("N") + ".db");

        var (exit, _, error) = await CliRun.RunAsync("rehearse", "--v1-database", missing);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }
}
