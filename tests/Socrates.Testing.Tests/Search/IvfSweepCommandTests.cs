using Socrates.Cli;

namespace Socrates.Testing.Tests.Search;

[Trait("Category", "Unit")]
public sealed class IvfSweepCommandTests
{
    [Fact]
    public async Task Run_HashingOnASmallSet_PrintsTheSweepEndingAtRecallOne()
    {
        var (exit, output, _) = await CliRun.RunAsync("ivf-sweep", "--rows", "6000", "--queries", "held-out");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("6,000 rows, hashing-tfidf", output, StringComparison.Ordinal);
        Assert.Contains("298 held-out queries", output, StringComparison.Ordinal);
        Assert.Contains("6 lists, default probes 3 (pgvector's rule)", output, StringComparison.Ordinal);
        Assert.Contains("| 6 | 1.000 | 100.0 % |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Calibrate_CalibratesOnTheEvenQueriesAndSweepsTheOdd()
    {
        var (exit, output, _) = await CliRun.RunAsync("ivf-sweep", "--rows", "6000", "--calibrate");

        Assert.Equal(CliExitCodes.Success, exit);
        Assert.Contains("150 golden queries", output, StringComparison.Ordinal);
        Assert.Contains("(calibrated)", output, StringComparison.Ordinal);
        Assert.Contains("calibrated on 150 LoggedQueries", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--embedder", "bert")]
    [InlineData("--rows", "10")]
    [InlineData("--embedder", "word-vectors")]
    [InlineData("--word-vectors", "/nonexistent/vectors.json")]
    public async Task Run_BadArguments_UsageExit(string option, string value)
    {
        var (exit, _, error) = await CliRun.RunAsync("ivf-sweep", option, value);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Run_MalformedWordVectors_Exit1NamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-vectors-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"dimensions":3,"vectors":{}}""");
        try
        {
            var (exit, _, error) = await CliRun.RunAsync("ivf-sweep", "--embedder", "word-vectors", "--word-vectors", path, "--rows", "1000");

            Assert.Equal(1, exit);
            Assert.Contains(path, error, StringComparison.Ordinal);
            Assert.Contains("holds no vectors", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
