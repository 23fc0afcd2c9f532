using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ReportSectionTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sections-" + Guid.NewGuid().ToString("N"));

    public ReportSectionTests() => Directory.CreateDirectory(Path.Combine(_root, ReportSection.Folder));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ReadAll_HtmlAndMarkdown_EmbeddedInNameOrder()
    {
        Write("b-sweep.md", "### Sweep\n| p | r |");
        Write("b-sweep.html", "<h2>Sweep</h2><svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        Write("a-bench.md", "### Bench");
        var problems = new List<string>();

        var sections = ReportSection.ReadAll(_root, problems);
        var report = Reports.AllGreen() with { Sections = sections };

        Assert.Empty(problems);
        Assert.Equal(["a-bench", "b-sweep"], sections.Select(s => s.Name));
        var html = HtmlReportWriter.Render(report);
        Assert.Contains("<h2>Sweep</h2>", html, StringComparison.Ordinal);
        var markdown = MarkdownReportWriter.Render(report);
        Assert.True(markdown.IndexOf("### Bench", StringComparison.Ordinal) < markdown.IndexOf("### Sweep", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=\"https://example.org/x.png\">")]
    [InlineData("<link rel=\"stylesheet\" href=\"x.css\">")]
    public void ReadAll_HtmlNotSelfContained_LeftOutWithProblem(string html)
    {
        Write("bad.html", html);
        var problems = new List<string>();

        var sections = ReportSection.ReadAll(_root, problems);

        Assert.Empty(sections);
        Assert.Contains(problems, p => p.Contains("bad.html", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadAll_NoFolder_Empty()
    {
        Assert.Empty(ReportSection.ReadAll(Path.Combine(_root, "nowhere"), new List<string>()));
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_root, ReportSection.Folder, name), content);
}
