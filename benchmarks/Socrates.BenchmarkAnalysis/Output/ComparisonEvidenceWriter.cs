using System.Text.Json;
using Socrates.Evidence;
using System.Text.Json.Serialization;
using Socrates.BenchmarkAnalysis.Evaluation;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>Writes comparisons.json: every comparison with its full statistics, samples and errors.</summary>
public static class ComparisonEvidenceWriter
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(ComparisonReport report) => JsonSerializer.Serialize(report, s_json);

    public static void Write(ComparisonReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        WriteText(path, Serialize(report));
    }

    internal static void WriteText(string path, string text) => AtomicFile.WriteAllText(path, text);
}
