using System.CommandLine;
using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests;

/// <summary>The command line itself: what parses, what is a usage error, what help lists.</summary>
[Trait("Category", "Unit")]
public sealed class AnalysisCliTests
{
    private static readonly string[] s_commands = [BenchmarkComparisonCommand.Name, BaselineCommand.Name, PairedComparisonCommand.Name, PairedBaselineCommand.Name];

    [Theory]
    [InlineData(BenchmarkComparisonCommand.Name, "--comparisons", "c.json", "--artifacts", "a", "--results", "r", "--baseline", "b.json", "--profile", "ci", "--failpoints", "x,y", "--metric", "m1", "--metric", "m2")]
    [InlineData(BaselineCommand.Name, "--comparisons", "c.json", "--results", "r", "--profile", "ci", "--out", "b.json", "--failpoints", "")]
    [InlineData(PairedComparisonCommand.Name, "--artifacts", "a", "--paired", "p", "--confidence", "0.99", "--profile", "ci", "--failpoints", "x", "--baseline", "b.json", "--regression-confidence", "0.999", "--metric=m")]
    [InlineData(PairedBaselineCommand.Name, "--runs", "r", "--out", "b.json", "--profile", "ci")]
    public void Parse_EveryCommandWithItsOptions_NoErrors(params string[] args)
    {
        var parse = Root().Parse(args);

        Assert.Empty(parse.Errors);
        Assert.Equal(args[0], parse.CommandResult.Command.Name);
    }

    [Fact]
    public void Parse_RepeatedMetric_EveryValueInOrder()
    {
        var parse = Root().Parse([BenchmarkComparisonCommand.Name, "--comparisons", "c", "--artifacts", "a", "--metric", "m2", "--metric=m1"]);

        Assert.Equal(["m2", "m1"], parse.GetValue<string[]>("--metric")!);
    }

    [Theory]
    [InlineData("unknown command 'launch'", "launch")]
    [InlineData("'--bogus'", PairedBaselineCommand.Name, "--runs", "r", "--out", "o", "--profile", "ci", "--bogus", "x")]
    [InlineData("'--profile'", PairedBaselineCommand.Name, "--runs", "r", "--out", "o", "--profile", "a", "--profile", "b")]
    [InlineData("--confidence 2 is not strictly between 0 and 1", PairedComparisonCommand.Name, "--artifacts", "a", "--confidence", "2")]
    [InlineData("'abc'", PairedComparisonCommand.Name, "--artifacts", "a", "--confidence", "abc")]
    [InlineData("'--metric' needs a value", BenchmarkComparisonCommand.Name, "--comparisons", "c", "--artifacts", "a", "--metric", "")]
    public void Run_MalformedCommandLine_UsageErrorNamingIt(string expected, params string[] args)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(AnalysisCli.UsageExitCode, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.EndsWith(AnalysisCli.HelpHint + Environment.NewLine, error, StringComparison.Ordinal);
        Assert.Equal(2, error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("'--comparisons' is required", BenchmarkComparisonCommand.Name, "--artifacts", "a")]
    [InlineData("'--out' is required", BaselineCommand.Name, "--comparisons", "c", "--results", "r", "--profile", "ci")]
    [InlineData("'--artifacts' is required", PairedComparisonCommand.Name)]
    [InlineData("'--runs' is required", PairedBaselineCommand.Name, "--out", "o", "--profile", "ci")]
    [InlineData("a command is needed")]
    public void Run_MissingRequired_UsageError(string expected, params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(AnalysisCli.UsageExitCode, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(AnalysisCli.HelpHint, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public void Run_Help_ListsEveryCommand(string help)
    {
        var (code, output, error) = Run(help);

        Assert.Equal(0, code);
        Assert.All(s_commands, command => Assert.Contains($"  {command} ", output, StringComparison.Ordinal));
        Assert.Empty(error);
    }

    [Fact]
    public void Root_Commands_ExactlyTheDocumentedOnes() =>
        Assert.Equal(s_commands, Root().Subcommands.Select(c => c.Name));

    private static RootCommand Root() => AnalysisCli.CreateRootCommand(TextWriter.Null, TextWriter.Null, DateTimeOffset.UnixEpoch);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = AnalysisCli.Run(args, output, error, DateTimeOffset.UnixEpoch);
        return (code, output.ToString(), error.ToString());
    }
}
