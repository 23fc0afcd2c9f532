using Socrates.Gates.Artifacts;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Artifacts;

[Trait("Category", "Unit")]
public sealed class EvidenceLedgerTests : IDisposable
{
    private readonly TempArtifacts _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Record_Files_RelativePathSizeAndSha256InPathOrder()
    {
        var b = TempArtifacts.WriteFile(Path.Combine(_temp.Root, "metrics", "b.json"), "abc");
        var a = TempArtifacts.WriteFile(Path.Combine(_temp.Root, "evidence", "a.txt"), "");

        var recorded = EvidenceLedger.Record(_temp.Root, [b, a, b, Path.Combine(_temp.Root, "gone.json")]);

        Assert.Equal(["evidence/a.txt", "metrics/b.json"], recorded.Select(e => e.Path));
        Assert.Equal(3, recorded[1].Bytes);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", recorded[1].Sha256);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", recorded[0].Sha256);
    }

    [Fact]
    public void Verify_Unchanged_NoFinding()
    {
        var file = TempArtifacts.WriteFile(Path.Combine(_temp.Root, "metrics", "m.json"), "{\"value\":1}");
        var recorded = EvidenceLedger.Record(_temp.Root, [file]);

        Assert.Empty(EvidenceLedger.Verify(_temp.Root, recorded));
    }

    [Fact]
    public void Verify_OneByteChanged_Changed()
    {
        var file = TempArtifacts.WriteFile(Path.Combine(_temp.Root, "metrics", "m.json"), "{\"value\":1}");
        var recorded = EvidenceLedger.Record(_temp.Root, [file]);
        File.WriteAllText(file, "{\"value\":2}");

        var finding = Assert.Single(EvidenceLedger.Verify(_temp.Root, recorded));

        Assert.StartsWith("changed: metrics/m.json", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FileDeleted_Missing()
    {
        var file = TempArtifacts.WriteFile(Path.Combine(_temp.Root, "test-results", "unit.trx"), "<TestRun/>");
        var recorded = EvidenceLedger.Record(_temp.Root, [file]);
        File.Delete(file);

        Assert.Equal(["missing: test-results/unit.trx"], EvidenceLedger.Verify(_temp.Root, recorded));
    }
}
