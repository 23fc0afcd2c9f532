using Socrates.Evidence;

namespace Socrates.Gates.Tests.Evidence;

[Trait("Category", "Unit")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "socrates-atomic-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void WriteAllText_ExistingTarget_ReplacedWholeWithNoTemporaryLeft()
    {
        var path = Path.Combine(_directory, "nested", "file.json");
        AtomicFile.WriteAllText(path, "old content, longer than the new");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void WriteAllText_NonAsciiText_WrittenAsUtf8WithoutByteOrderMark()
    {
        var path = Path.Combine(_directory, "file.txt");

        AtomicFile.WriteAllText(path, "é");

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
