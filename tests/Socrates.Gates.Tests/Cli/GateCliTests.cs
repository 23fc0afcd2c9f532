using System.CommandLine;
using Socrates.Gates.Cli;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Cli;

/// <summary>The command line itself: what parses, what is a usage error, what help lists.</summary>
[Trait("Category", "Unit")]
public sealed class GateCliTests
{
    private static readonly string[] s_commands = ["evaluate", "validate", "plan-canaries", "verify-evidence"];

    [Theory]
    [InlineData("evaluate", "--profile", "ci", "--gates", "g.json", "--artifacts", "a", "--out", "o", "--previous", "p.json", "--commit", "abc", "--run-canaries-expected", "--history", "h.jsonl", "--record-history")]
    [InlineData("evaluate", "--profile=quick")]
    [InlineData("validate")]
    [InlineData("validate", "--gates", "g.json")]
    [InlineData("plan-canaries", "--profile", "full", "--gates", "g.json", "--artifacts", "run")]
    [InlineData("verify-evidence", "--report", "r.json", "--artifacts", "root")]
    public void Parse_EveryCommandWithItsOptions_NoErrors(params string[] args)
    {
        var parse = Root().Parse(args);

        Assert.Empty(parse.Errors);
        Assert.Equal(args[0], parse.CommandResult.Command.Name);
    }

    [Fact]
    public void Parse_SpaceAndEqualsForms_BothRead()
    {
        var parse = Root().Parse(["evaluate", "--gates", "g.json", "--profile=ci", "--run-canaries-expected"]);

        Assert.Equal("g.json", parse.GetValue<string>("--gates"));
        Assert.Equal("ci", parse.GetValue<string>("--profile"));
        Assert.True(parse.GetValue<bool>("--run-canaries-expected"));
        Assert.Equal("artifacts", parse.GetValue<string>("--artifacts"));
    }

    [Theory]
    [InlineData("unknown command 'launch'", "launch")]
    [InlineData("'--bogus'", "validate", "--bogus", "x")]
    [InlineData("'stray'", "validate", "stray")]
    [InlineData("'--gates'", "validate", "--gates", "a", "--gates", "b")]
    [InlineData("'--gates'", "validate", "--gates=")]
    [InlineData("'--gates' needs a non-empty value", "validate", "--gates", " ")]
    [InlineData("--gates", "validate", "--gates")]
    [InlineData("'yes'", "evaluate", "--profile", "ci", "--run-canaries-expected=yes")]
    [InlineData("--profile must be one of quick, ci, full (got 'nightly')", "plan-canaries", "--profile", "nightly")]
    [InlineData("--record-history needs --history", "evaluate", "--profile", "ci", "--record-history")]
    public void Run_MalformedCommandLine_UsageErrorNamingIt(string expected, params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.EndsWith(GateCli.HelpHint + Environment.NewLine, run.Error, StringComparison.Ordinal);
        Assert.Equal(2, run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("'--profile' is required", "evaluate")]
    [InlineData("'--profile' is required", "plan-canaries", "--gates", "g.json")]
    [InlineData("'--report' is required", "verify-evidence")]
    [InlineData("Required command was not provided")]
    public void Run_MissingRequired_UsageError(string expected, params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(GateCli.HelpHint, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_ListsEveryCommandAndExitCodes(string help)
    {
        var run = CliRun.Of(help);

        Assert.Equal(ExitCodes.Go, run.ExitCode);
        Assert.All(s_commands, command => Assert.Contains($"  {command} ", run.Output, StringComparison.Ordinal));
        Assert.Contains("3: INCONCLUSIVE", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Root_Commands_ExactlyTheDocumentedOnes() =>
        Assert.Equal(s_commands, Root().Subcommands.Select(c => c.Name));

    [Theory]
    [InlineData("evaluate", "--record-history")]
    [InlineData("validate", "--gates")]
    [InlineData("plan-canaries", "--artifacts")]
    [InlineData("verify-evidence", "--report")]
    public void Run_CommandHelp_ListsItsOptions(string command, string option)
    {
        var run = CliRun.Of("help", command);

        Assert.Equal(ExitCodes.Go, run.ExitCode);
        Assert.Contains($" {command} [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
    }

    private static RootCommand Root() => new GateCli(TextWriter.Null, TextWriter.Null, TimeProvider.System).CreateRootCommand();
}
