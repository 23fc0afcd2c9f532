namespace Socrates.Gates.Reporting;

/// <summary>
/// A fragment a suite contributed to the report (a benchmark comparison table, a recall/speed
/// sweep): <c>report-sections/{name}.html</c> and/or <c>{name}.md</c> under the artifacts root,
/// embedded verbatim, in name order, after the gates. The suites that write them are trusted
/// (they are this repository's own code); the engine only checks the HTML has no script and
/// fetches nothing, so the report stays self-contained. The JSON report names the files
/// (relative to the artifacts root) instead of holding their content: it stays data.
/// </summary>
internal sealed record ReportSection(
    string Name,
    [property: System.Text.Json.Serialization.JsonIgnore] string? Html,
    [property: System.Text.Json.Serialization.JsonIgnore] string? Markdown)
{
    public const string Folder = "report-sections";

    /// <summary>The HTML fragment's file, relative to the artifacts root; null when there is none.</summary>
    public string? HtmlFile => Html is null ? null : $"{Folder}/{Name}.html";

    /// <summary>The Markdown fragment's file, relative to the artifacts root; null when there is none.</summary>
    public string? MarkdownFile => Markdown is null ? null : $"{Folder}/{Name}.md";

    /// <summary>Reads every section under <paramref name="artifactsRoot"/>; unsafe HTML is dropped with a problem.</summary>
    public static IReadOnlyList<ReportSection> ReadAll(string artifactsRoot, ICollection<string> problems)
    {
        var folder = Path.Combine(artifactsRoot, Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var sections = new List<ReportSection>();
        var names = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var html = ReadIfExists(Path.Combine(folder, name + ".html"));
            if (html is not null && !IsSelfContained(html))
            {
                problems.Add($"{Folder}/{name}.html: left out of the report (it has a script or fetches from elsewhere)");
                html = null;
            }

            var markdown = ReadIfExists(Path.Combine(folder, name + ".md"));
            if (html is not null || markdown is not null)
            {
                sections.Add(new ReportSection(name!, html, markdown));
            }
        }

        return sections;
    }

    internal static bool IsSelfContained(string html) =>
        !html.Contains("<script", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("src=\"http", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("href=\"http", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("url(http", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("<iframe", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("<link", StringComparison.OrdinalIgnoreCase);

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
