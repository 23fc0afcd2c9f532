using System.Text.Json;
using Socrates.Gates.Metrics;

namespace Socrates.Gates.Artifacts;

/// <summary>
/// Reads the optional <c>suites.json</c> the pipeline writes:
/// <c>[{"suite":"unit","exitCode":0,"durationSeconds":12.3,"status":"passed","log":"logs/unit.log"}]</c>.
/// </summary>
internal static class SuiteRunReader
{
    public const string FileName = "suites.json";

    private static readonly string[] s_statuses = ["passed", "failed", "skipped"];

    public static IReadOnlyList<SuiteRun> Read(string artifactsRoot, List<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var path = Path.Combine(artifactsRoot, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return Parse(document.RootElement, problems);
        }
        catch (JsonException ex)
        {
            problems.Add(new InputProblem(FileName, $"malformed JSON: {ex.Message}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(FileName, $"cannot read: {ex.Message}"));
        }

        return [];
    }

    internal static IReadOnlyList<SuiteRun> Parse(JsonElement root, List<InputProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new InputProblem(FileName, $"expected an array of suite runs, found {root.ValueKind}"));
            return [];
        }

        var runs = new List<SuiteRun>();
        foreach (var item in root.EnumerateArray())
        {
            var suite = item.ValueKind == JsonValueKind.Object ? Text(item, "suite") : null;
            if (suite is null)
            {
                problems.Add(new InputProblem(FileName, "a suite run without a 'suite' name; ignored"));
                continue;
            }

            int? exitCode = item.TryGetProperty("exitCode", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var code) ? code : null;
            double? duration = item.TryGetProperty("durationSeconds", out var d) && d.ValueKind == JsonValueKind.Number && d.TryGetDouble(out var seconds) ? seconds : null;
            var status = Text(item, "status") ?? (exitCode is null ? "unknown" : exitCode == 0 ? "passed" : "failed");
            if (!s_statuses.Contains(status, StringComparer.Ordinal) && status != "unknown")
            {
                problems.Add(new InputProblem(FileName, $"suite '{suite}' has an unknown status '{status}'"));
            }

            if (exitCode is not null and not 0)
            {
                status = "failed";
            }

            runs.Add(new SuiteRun(suite, exitCode, duration, status, Text(item, "log")));
        }

        return runs;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
