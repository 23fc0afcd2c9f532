using System.IO.Compression;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Jepsen;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;
using Socrates.Testing.Metrics;

namespace Socrates.Testing.Tests.Linearizability.Checking;

/// <summary>
/// The committed hard histories (fixtures/linearizability, see its README) get their known
/// verdicts through the same reader and model as <c>check-history --model kv</c>.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HardHistoryFixtureTests
{
    [Theory]
    [InlineData("kv-c50-k3-ok.edn.gz", CheckOutcome.Linearizable)]
    [InlineData("kv-c50-k3-bad.edn.gz", CheckOutcome.NotLinearizable)]
    public void Check_HardKeyValueFixture_KnownVerdict(string file, CheckOutcome expected)
    {
        var operations = JepsenHistoryReader.Read(Read(file));
        var history = JepsenHistories.ToKeyValue(operations, HistoryFormats.Resolve(HistoryFormat.Auto, operations));

        var result = LinearizabilityChecker.Check(new KeyValueModel(initialValue: string.Empty), history, new CheckOptions { Timeout = TimeSpan.FromMinutes(2) });

        Assert.Equal(2_000, history.Count);
        Assert.Equal(expected, result.Outcome);
        if (expected == CheckOutcome.NotLinearizable)
        {
            Assert.Contains("Cause: a stale read: #", TimelineRenderer.Render(result), StringComparison.Ordinal);
        }
    }

    private static string Read(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "linearizability", file)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
