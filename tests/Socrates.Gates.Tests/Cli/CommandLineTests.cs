using Socrates.Gates.Cli;

namespace Socrates.Gates.Tests.Cli;

[Trait("Category", "Unit")]
public sealed class CommandLineTests
{
    private static readonly string[] s_options = ["--gates", "--profile"];
    private static readonly string[] s_flags = ["--strict"];

    [Fact]
    public void Parse_SpaceAndEqualsForms_BothRead()
    {
        var line = CommandLine.Parse("x", ["--gates", "g.json", "--profile=ci", "--strict"], s_options, s_flags, out var error);

        Assert.Null(error);
        Assert.Equal("g.json", line!.Value("--gates"));
        Assert.Equal("ci", line.Value("--profile"));
        Assert.True(line.Has("--strict"));
        Assert.False(CommandLine.Parse("x", [], s_options, s_flags, out _)!.Has("--strict"));
    }

    [Theory]
    [InlineData("unknown option '--nope'", "--nope", "1")]
    [InlineData("needs a value", "--gates")]
    [InlineData("needs a value", "--gates", "--strict")]
    [InlineData("given twice", "--gates", "a", "--gates", "b")]
    [InlineData("takes no value", "--strict=yes")]
    [InlineData("unexpected argument 'stray'", "stray")]
    [InlineData("non-empty value", "--gates=")]
    public void Parse_Malformed_NullWithError(string expected, params string[] args)
    {
        var line = CommandLine.Parse("x", args, s_options, s_flags, out var error);

        Assert.Null(line);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
