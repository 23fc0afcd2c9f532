using Socrates.Cli;
using Socrates.Cli.Commands;
using Socrates.Core.V1;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// The command line as a careless user meets it: a bad value is one line and the usage exit code,
/// never a stack trace; rejects are shown (row, field, why) with where the rest are.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class MigrateCliTests
{
    private static readonly V1GenerationOptions s_small = new(Users: 3, Projects: 5, MessagesPerProject: 2, Seed: 41, BadShare: 0);

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task Migrate_BatchSizeBelowOne_UsageExitOneLine(string size)
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);

        var (exit, _, error) = await RunAsync("migrate", "--from", v1, "--to", directory.File("v2.db"), "--batch-size", size);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains($"--batch-size must be at least 1 (got {size})", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("v2.db")));
    }

    [Fact]
    public async Task Migrate_MissingSource_UsageExitNamingIt()
    {
        using var directory = new TempDirectory();

        var (exit, _, error) = await RunAsync("migrate", "--from", directory.File("nope.db"), "--to", directory.File("v2.db"));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("nope.db' does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-0.1")]
    public async Task GenerateV1_BadShareOutOfRange_UsageExitOneLine(string share)
    {
        using var directory = new TempDirectory();

        var (exit, _, error) = await RunAsync("generate-v1", "--out", directory.File("v1.db"), "--bad-share", share);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("--bad-share must be between 0 and 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFiles_UsageExitNamingThem()
    {
        using var directory = new TempDirectory();

        var (exit, _, error) = await RunAsync("verify", "--v1", directory.File("a.db"), "--v2", directory.File("b.db"));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("a.db' does not exist", error, StringComparison.Ordinal);
        Assert.Contains("b.db' does not exist", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golden_FixturesNotFound_UsageExitOneLine()
    {
        using var directory = new TempDirectory();

        var (exit, _, error) = await RunAsync("golden", "--fixtures", directory.File("nowhere"));

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("golden fixtures were not found", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_TargetIsTextFile_FailsNamingTheFile()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        await File.WriteAllTextAsync(directory.File("v2.db"), "not a database\n");

        var (exit, output, error) = await RunAsync("migrate", "--from", v1, "--to", directory.File("v2.db"));

        Assert.Equal(MigrateCommand.Failed, exit);
        Assert.Contains("is not an SQLite database", error, StringComparison.Ordinal);
        Assert.Contains("\"code\": \"TargetNotMigrationTarget\"", output.Replace("\":\"", "\": \"", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WithRejects_PrintsFirstRejectsAndWhereTheRestAre()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        var longId = new string('p', 101);
        await HostileV1Rows.AddProjectAsync(v1, longId);
        await HostileV1Rows.AddProjectAsync(v1, "bad\0id");

        var (exit, _, error) = await RunAsync("migrate", "--from", v1, "--to", directory.File("v2.db"), "--backup-dir", directory.File("backups"));

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("2 row(s) rejected:", error, StringComparison.Ordinal);
        Assert.Contains($"{V1Schema.Projects} 'bad\\u0000id' [project_id]", error, StringComparison.Ordinal);
        Assert.Contains("(101 chars)", error, StringComparison.Ordinal);
        Assert.Contains("migration_rejects", error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(directory.File("backups"), "v1.backup-*.db"));
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => CliRun.RunAsync(args);
}
