using System.Text.Json;

namespace Socrates.Gates.Reporting;

/// <summary>Writes and reads <c>gate-report.json</c>, the machine-readable report.</summary>
internal static class JsonReportWriter
{
    public const string FileName = "gate-report.json";

    public static string Render(GateReport report) => JsonSerializer.Serialize(report, ReportJson.Options);

    /// <summary>Reads an earlier report; null with <paramref name="error"/> set when it cannot be read.</summary>
    public static GateReport? TryRead(string path, out string? error)
    {
        try
        {
            var report = JsonSerializer.Deserialize<GateReport>(File.ReadAllText(path), ReportJson.Options);
            error = report is null || report.Gates is null ? "not a gate report (no gates)" : null;
            return error is null ? report : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = ex.Message;
            return null;
        }
    }
}
