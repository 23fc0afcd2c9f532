using Socrates.Evidence;

namespace Socrates.Gates.Reporting;

/// <summary>Writes the four report files into the output folder (each atomically, <see cref="AtomicFile"/>).</summary>
internal static class ReportFiles
{
    public static IReadOnlyList<string> WriteAll(GateReport report, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(outputDirectory);
        return
        [
            Write(outputDirectory, JsonReportWriter.FileName, JsonReportWriter.Render(report)),
            Write(outputDirectory, HtmlReportWriter.FileName, HtmlReportWriter.Render(report)),
            Write(outputDirectory, MarkdownReportWriter.FileName, MarkdownReportWriter.Render(report)),
            Write(outputDirectory, JUnitReportWriter.FileName, JUnitReportWriter.Render(report)),
        ];
    }

    private static string Write(string directory, string fileName, string content)
    {
        var target = Path.Combine(directory, fileName);
        AtomicFile.WriteAllText(target, content);
        return target;
    }
}
