using Socrates.BenchmarkAnalysis.Paired;

namespace Socrates.BenchmarkAnalysis.Tests;

[Trait("Category", "Unit")]
public sealed class AnalysisUsageTests
{
    [Theory]
    [InlineData(BenchmarkComparisonCommand.Name)]
    [InlineData(BaselineCommand.Name)]
    [InlineData(PairedComparisonCommand.Name)]
    [InlineData(PairedBaselineCommand.Name)]
    public void Text_EveryCommand_IsListed(string command)
    {
        Assert.Contains("  " + command + " ", AnalysisUsage.Text, StringComparison.Ordinal);
    }
}
