using System.Text.Json;
using Socrates.Evidence;

namespace Socrates.Gates.Tests.Evidence;

[Trait("Category", "Unit")]
public sealed class MetricFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socrates-metric-files-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_Record_ReadsBackEqualUnderTheSchemaFieldNames()
    {
        var record = new MetricRecord("a.metric", 0.5, "fraction", "evidence/x.json", "unit", "ci", ["f1"], DateTimeOffset.UnixEpoch, "T.M", "A", MetricRecord.Inconclusive, "busy");

        var path = MetricFiles.Write(_directory, record);

        Assert.Equal(Path.Combine(_directory, "a.metric.json"), path);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(
            [MetricFields.Name, MetricFields.Value, MetricFields.Unit, MetricFields.Evidence, MetricFields.Suite, MetricFields.Profile,
             MetricFields.Failpoints, MetricFields.WrittenAt, MetricFields.Test, MetricFields.Assembly, MetricFields.Status, MetricFields.Reason],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        var read = JsonSerializer.Deserialize<MetricRecord>(File.ReadAllText(path))!;
        Assert.Equal(record with { Failpoints = read.Failpoints }, read);
        Assert.Equal(["f1"], read.Failpoints);
    }

    [Fact]
    public void Write_NameWithPathSeparator_ThrowsAndWritesNothing()
    {
        var record = new MetricRecord("a/b", 1, "x", null, "unit", "ci", [], DateTimeOffset.UnixEpoch);

        var error = Assert.Throws<ArgumentException>(() => MetricFiles.Write(_directory, record));

        Assert.Contains("'a/b'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
