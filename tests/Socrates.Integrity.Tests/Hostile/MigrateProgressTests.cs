using Socrates.Cli;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// What <c>socrates migrate</c> tells a person: every phase (backup, key scan, copy of each table by
/// name, validation) in order, plain lines when the output is not a terminal, and a one-line
/// summary beside the JSON.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class MigrateProgressTests
{
    private static readonly string[] s_phases =
        ["backup: started", "backup: done", "scan-keys: done", "copy users: 3/3", "copy projects: 40/40", "copy llm_usage:", "validate: started", "validate: done", "Migrated "];

    private static readonly V1GenerationOptions s_small = new(Users: 3, Projects: 40, MessagesPerProject: 2, Seed: 91, BadShare: 0);

    [Fact]
    public async Task Migrate_NotATerminal_EveryPhaseInOrderThenSummaryLine()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["migrate", "--from", v1, "--to", directory.File("v2.db")], output, error);

        Assert.Equal(CliExitCodes.Success, exit);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal));
        int Index(string prefix) => Array.FindIndex(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.All(s_phases,
            prefix => Assert.True(Index(prefix) >= 0, $"no line starting '{prefix}' in:\n{error}"));
        Assert.True(Index("backup: started") < Index("backup: done"));
        Assert.True(Index("scan-keys: done") < Index("copy users:"));
        Assert.True(Index("copy users: 3/3") < Index("copy projects:"));
        Assert.True(Index("copy projects: 40/40") < Index("copy project_notes:"));
        Assert.True(Index("copy llm_usage:") < Index("validate: started"));
        Assert.True(Index("validate: done") < Index("Migrated "));
        // Copy lines of one table count up, each with an ETA.
        var projectDone = lines.Where(l => l.StartsWith("copy projects:", StringComparison.Ordinal)).Select(l => int.Parse(l.Split(' ')[2].Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(projectDone.Order().ToList(), projectDone);
        Assert.All(lines.Where(l => l.StartsWith("copy ", StringComparison.Ordinal)), l => Assert.Contains("ETA ", l, StringComparison.Ordinal));
        var summary = Assert.Single(lines, l => l.StartsWith("Migrated ", StringComparison.Ordinal));
        Assert.Contains("0 rejected", summary, StringComparison.Ordinal);
        Assert.Contains("backup verified", summary, StringComparison.Ordinal);
        Assert.Contains("validation clean", summary, StringComparison.Ordinal);
        Assert.Contains("\"peak_batch_bytes\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_BudgetBelowTwicePickleLimit_UsageExitOneLine()
    {
        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        await V1Databases.GenerateAsync(v1, s_small);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CliApp.RunAsync(["migrate", "--from", v1, "--to", directory.File("v2.db"), "--memory-budget-mib", "10"], output, error);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Contains("--memory-budget-mib (10) must be at least twice --max-pickle-mib (64)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("v2.db")));
    }
}
