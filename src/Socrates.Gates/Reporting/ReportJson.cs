using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Gates.Reporting;

/// <summary>The JSON shape of reports: camelCase fields, enums as snake_case words (<c>not_run</c>, <c>at_risk</c>).</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
