using Microsoft.Extensions.Options;
using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class IvfOptionsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(999, 1)]
    [InlineData(5_356, 5)]
    [InlineData(100_000, 100)]
    [InlineData(1_000_000, 1000)]
    [InlineData(4_000_000, 2000)]
    public void DefaultLists_Rows_PgvectorGuidance(int rows, int expected) => Assert.Equal(expected, IvfOptions.DefaultLists(rows));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    [InlineData(100, 10)]
    [InlineData(101, 11)]
    public void DefaultProbes_Lists_CeilSqrt(int lists, int expected) => Assert.Equal(expected, IvfOptions.DefaultProbes(lists));

    [Fact]
    public void ResolveLists_FewerRowsThanLists_CappedAtRows() => Assert.Equal(3, new IvfOptions { Lists = 50 }.ResolveLists(3));

    [Fact]
    public void Validate_Defaults_Valid() => new IvfOptions().Validate();

    [Theory]
    [InlineData(0, null, 10, 0.95, "Lists")]
    [InlineData(null, 0, 10, 0.95, "Probes")]
    [InlineData(4, 5, 10, 0.95, "cannot exceed")]
    [InlineData(null, null, 0, 0.95, "TrainingIterations")]
    [InlineData(null, null, 10, 1.5, "CalibrationTargetRecall")]
    [InlineData(null, null, 10, 0.0, "CalibrationTargetRecall")]
    public void Validate_InvalidSetting_ThrowsNamingIt(int? lists, int? probes, int iterations, double target, string expected)
    {
        var options = new IvfOptions { Lists = lists, Probes = probes, TrainingIterations = iterations, CalibrationTargetRecall = target };

        var ex = Assert.Throws<OptionsValidationException>(() => options.Validate());

        Assert.Contains(ex.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralInvalid_ReportsAll()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new IvfOptions { Lists = -1, MaxTrainingSamples = 0, CalibrationQueries = 0 }.Validate());

        Assert.Equal(3, ex.Failures.Count());
    }
}
