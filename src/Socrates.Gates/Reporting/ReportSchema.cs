using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Socrates.Gates.Reporting;

/// <summary>
/// The JSON Schema of <c>gate-report.json</c>, derived from the report model with the same
/// serializer options the writer uses, so the shipped schema (<c>gate-report.schema.json</c> at
/// the repository root) cannot drift from what is written: a test compares the two.
/// </summary>
internal static class ReportSchema
{
    public const string FileName = "gate-report.schema.json";

    public static JsonNode Export()
    {
        // Reading accepts numbers in strings (web defaults); the writer never writes them so.
        var options = new System.Text.Json.JsonSerializerOptions(ReportJson.Options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };
        options.MakeReadOnly(populateMissingResolver: true);
        var schema = options.GetJsonSchemaAsNode(typeof(GateReport), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "Socrates Gates report (gate-report.json)",
            ["description"] = $"Schema version {GateReport.CurrentSchemaVersion} of the report the gate engine writes; generated from the report model.",
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(name);
            root[name] = value;
        }

        return root;
    }
}
