using Socrates.Cli;
using Socrates.Cli.Commands;

namespace Socrates.Testing.Tests.Linearizability.Cli;

[Trait("Category", "Unit")]
public sealed class CheckHistoryCommandTests
{
    private static string Sample(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Linearizability", "Histories", name);

    [Fact]
    public async Task Run_LinearizableRegister_Exit0()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", Sample("register-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.Linearizable, exit);
        Assert.StartsWith("LINEARIZABLE: 5 operations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StaleRead_Exit1WithTimelineNamingOffendingOp()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", "--timeout", "30s", Sample("register-stale.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("NOT LINEARIZABLE", output, StringComparison.Ordinal);
        Assert.Contains("Timeline", output, StringComparison.Ordinal);
        Assert.Contains("client 1", output, StringComparison.Ordinal);
        Assert.Contains("Could not place #3 (client 1, t=7..8), whose completion had passed: read -> 1 but the state is 2.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CasLostUpdate_Exit1()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "-m", "cas-register", Sample("cas-lost-update.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("1 failed operation(s) ignored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeyValue_Exit0()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", Sample("kv-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.Linearizable, exit);
        Assert.Contains("in 2 partition(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PathologicalWithTinyBudget_Exit2()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", "--timeout", "50ms", Sample("register-pathological.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unknown, exit);
        Assert.StartsWith("UNKNOWN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedEdn_Exit3WithLine()
    {
        var (exit, output, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("malformed.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Empty(output);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("[edn.syntax]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnmatchedCompletion_Exit3WithLine()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("unmatched.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Line 3:", error, StringComparison.Ordinal);
        Assert.Contains("[jepsen.unmatched-completion]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WrongModelForHistory_Exit3()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("cas-lost-update.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Line 4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_Exit3()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("no-such-file.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check-history", "--model", "queue", "x.edn")]
    [InlineData("check-history", "x.edn")]
    [InlineData("check-history", "--model", "register")]
    [InlineData("check-history", "--model", "register", "--timeout", "soon", "x.edn")]
    [InlineData("check-history", "--model", "register", "--timeout", "0s", "x.edn")]
    [InlineData("no-such-command")]
    public async Task Run_UsageError_Exit3(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_Exit0AndDescribesExitCodes()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("2 unknown", output, StringComparison.Ordinal);
        Assert.Contains("--timeout", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("3", 3_000)]
    [InlineData("00:00:04", 4_000)]
    public void TryParse_Durations_Parsed(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationParser.TryParse(text, out var error));
        Assert.Null(error);
    }
}
