using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Socrates.Gates.Config;

/// <summary>
/// Walks a parsed gates document field by field, collecting every problem rather than stopping
/// at the first. Used only by <see cref="GateConfigLoader"/>.
/// </summary>
internal sealed partial class GateConfigReader(string file)
{
    private static readonly string[] s_rootFields = ["$schema", "version", "risks", "gates", "reproduce"];
    private static readonly string[] s_reproduceFields = ["test", "suites", "canary"];
    private static readonly string[] s_riskFields = ["id", "title", "severity", "description", "runbook"];
    private static readonly string[] s_runbookFields = ["red", "causes"];
    private static readonly string[] s_gateFields =
        ["id", "title", "risks", "metric", "direction", "fail", "warn", "unit", "profiles", "suite", "canary", "description", "runbook"];

    private static readonly string[] s_canaryFields = ["failpoint", "fixture"];

    /// <summary>The fields a gate may have; gates.schema.json must say the same.</summary>
    internal static IReadOnlyList<string> GateFields => s_gateFields;

    /// <summary>The fields a gate must have.</summary>
    internal static IReadOnlyList<string> RequiredGateFields { get; } = ["id", "title", "risks", "metric", "direction", "fail", "unit", "profiles", "suite"];

    /// <summary>The fields a risk may have.</summary>
    internal static IReadOnlyList<string> RiskFields => s_riskFields;

    private readonly List<GateConfigProblem> _problems = [];

    public IReadOnlyList<GateConfigProblem> Problems => _problems;

    public GateConfig? ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Add(null, null, $"the document must be a JSON object, not {Kind(root)}");
            return null;
        }

        RejectUnknownFields(root, s_rootFields, null, null);

        var version = 0;
        if (!root.TryGetProperty("version", out var versionElement))
        {
            Add(null, "version", "missing required field");
        }
        else if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out version))
        {
            Add(null, "version", $"must be a whole number, not {Kind(versionElement)}");
        }
        else if (version != GateConfig.CurrentVersion)
        {
            Add(null, "version", $"version {version} is not supported; this engine reads version {GateConfig.CurrentVersion}");
        }

        var risks = ReadRisks(root);
        var gates = ReadGates(root, risks);
        return new GateConfig(file, version, risks, gates) { Reproduce = ReadReproduce(root) };
    }

    private ReproduceTemplates? ReadReproduce(JsonElement root)
    {
        if (!root.TryGetProperty("reproduce", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(null, "reproduce", $"must be an object, not {Kind(element)}");
            return null;
        }

        RejectUnknownFields(element, s_reproduceFields, null, "reproduce");
        var suites = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("suites", out var suitesElement))
        {
            if (suitesElement.ValueKind != JsonValueKind.Object)
            {
                Add(null, "reproduce.suites", $"must be an object of suite name to command, not {Kind(suitesElement)}");
            }
            else
            {
                foreach (var suite in suitesElement.EnumerateObject())
                {
                    if (Template(suite.Value, $"reproduce.suites.{suite.Name}") is { } command)
                    {
                        suites[suite.Name] = command;
                    }
                }
            }
        }

        var test = element.TryGetProperty("test", out var testElement) ? Template(testElement, "reproduce.test") : null;
        var canary = element.TryGetProperty("canary", out var canaryElement) ? Template(canaryElement, "reproduce.canary") : null;
        if (canary is not null && !canary.Contains("{command}", StringComparison.Ordinal))
        {
            Add(null, "reproduce.canary", "must contain {command}: the canary wraps the command that reproduces the gate");
        }

        return new ReproduceTemplates(test, suites, canary);
    }

    private string? Template(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            Add(null, field, $"must be a non-empty string, not {Kind(element)}");
            return null;
        }

        var template = element.GetString()!;
        foreach (var unknown in ReproduceTemplates.UnknownPlaceholders(template))
        {
            Add(null, field, $"unknown placeholder {{{unknown}}}; known: {string.Join(", ", ReproduceTemplates.Placeholders.Select(p => "{" + p + "}"))}");
        }

        return template;
    }

    private List<RiskDefinition> ReadRisks(JsonElement root)
    {
        var risks = new List<RiskDefinition>();
        if (!TryGetArray(root, "risks", null, "risks", out var array))
        {
            return risks;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"risks[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(null, path, $"a risk must be an object, not {Kind(element)}");
                continue;
            }

            RejectUnknownFields(element, s_riskFields, null, path);
            var id = RequiredString(element, "id", null, path + ".id");
            var label = id is null ? path : $"{path} ('{id}')";
            var title = RequiredString(element, "title", null, label + ".title");
            var description = OptionalString(element, "description", null, label + ".description");
            var runbook = ReadRunbook(element, null, label + ".runbook");
            var severityText = RequiredString(element, "severity", null, label + ".severity");
            RiskSeverity? severity = severityText switch
            {
                null => null,
                "critical" => RiskSeverity.Critical,
                "high" => RiskSeverity.High,
                "medium" => RiskSeverity.Medium,
                "low" => RiskSeverity.Low,
                _ => null,
            };
            if (severityText is not null && severity is null)
            {
                Add(null, label + ".severity", $"unknown severity '{severityText}'; use critical, high, medium or low");
            }

            if (id is not null && !IdPattern().IsMatch(id))
            {
                Add(null, path + ".id", $"risk id '{id}' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
            }

            if (id is not null && !seen.Add(id))
            {
                Add(null, path + ".id", $"duplicate risk id '{id}'");
                continue;
            }

            if (id is not null && title is not null && severity is not null)
            {
                risks.Add(new RiskDefinition(id, title, severity.Value, description) { Runbook = runbook });
            }
        }

        return risks;
    }

    private List<GateDefinition> ReadGates(JsonElement root, List<RiskDefinition> risks)
    {
        var gates = new List<GateDefinition>();
        if (!TryGetArray(root, "gates", null, "gates", out var array))
        {
            return gates;
        }

        var knownRisks = risks.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var path = $"gates[{index++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(null, path, $"a gate must be an object, not {Kind(element)}");
                continue;
            }

            var gate = ReadGate(element, path, knownRisks);

            // Duplicates are checked on the raw id, so a gate with other problems still claims its id.
            var id = element.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            if (!string.IsNullOrWhiteSpace(id) && !seen.Add(id))
            {
                Add(id, "id", $"duplicate gate id '{id}' ({path})");
                continue;
            }

            if (gate is not null)
            {
                gates.Add(gate);
            }
        }

        return gates;
    }

    private GateDefinition? ReadGate(JsonElement element, string path, HashSet<string> knownRisks)
    {
        var before = _problems.Count;
        var id = RequiredString(element, "id", null, path + ".id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            Add(id, "id", $"gate id '{id}' must be letters, digits, '.', '_' or '-', starting with a letter or digit (it names a folder)");
        }

        // Until the id is known, problems name the gate by its position.
        var gateId = id;
        string F(string field) => id is null ? $"{path}.{field}" : field;

        RejectUnknownFields(element, s_gateFields, gateId, id is null ? path : null);
        var title = RequiredString(element, "title", gateId, F("title"));
        var metric = RequiredString(element, "metric", gateId, F("metric"));
        var unit = RequiredString(element, "unit", gateId, F("unit"));
        var suite = RequiredString(element, "suite", gateId, F("suite"));
        var description = OptionalString(element, "description", gateId, F("description"));
        var runbook = ReadRunbook(element, gateId, F("runbook"));

        Direction? direction = null;
        var directionText = RequiredString(element, "direction", gateId, F("direction"));
        if (directionText is not null)
        {
            direction = directionText switch
            {
                "min" => Direction.Min,
                "max" => Direction.Max,
                _ => null,
            };
            if (direction is null)
            {
                Add(gateId, F("direction"), $"unknown direction '{directionText}'; use min (higher is better) or max (lower is better)");
            }
        }

        var fail = Number(element, "fail", gateId, F("fail"), required: true);
        var warn = Number(element, "warn", gateId, F("warn"), required: false);
        if (direction is not null && fail is not null && warn is not null)
        {
            if (direction == Direction.Max && warn > fail)
            {
                Add(gateId, F("warn"), $"warn {Format(warn.Value)} is on the wrong side of fail {Format(fail.Value)}: with direction max, warn must be <= fail");
            }
            else if (direction == Direction.Min && warn < fail)
            {
                Add(gateId, F("warn"), $"warn {Format(warn.Value)} is on the wrong side of fail {Format(fail.Value)}: with direction min, warn must be >= fail");
            }
        }

        var gateRisks = StringList(element, "risks", gateId, F("risks"));
        if (gateRisks is not null)
        {
            if (gateRisks.Count == 0)
            {
                Add(gateId, F("risks"), "a gate must retire at least one risk");
            }

            foreach (var risk in gateRisks.Where(r => !knownRisks.Contains(r)))
            {
                Add(gateId, F("risks"), $"unknown risk '{risk}': it is not in the risk register");
            }
        }

        var profiles = StringList(element, "profiles", gateId, F("profiles"));
        if (profiles is not null)
        {
            if (profiles.Count == 0)
            {
                Add(gateId, F("profiles"), $"a gate must run in at least one profile ({string.Join(", ", GateProfiles.All)})");
            }

            foreach (var profile in profiles.Where(p => !GateProfiles.IsKnown(p)))
            {
                Add(gateId, F("profiles"), $"unknown profile '{profile}'; use {string.Join(", ", GateProfiles.All)}");
            }
        }

        var canary = ReadCanary(element, gateId, F("canary"));

        if (_problems.Count > before)
        {
            return null;
        }

        return new GateDefinition(
            id!, title!, gateRisks!, metric!, direction!.Value, fail!.Value, warn, unit!, profiles!, suite!, canary, description)
        {
            Runbook = runbook,
        };
    }

    private Runbook? ReadRunbook(JsonElement parent, string? gateId, string field)
    {
        if (!parent.TryGetProperty("runbook", out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(gateId, field, $"must be an object with 'red' and 'causes', not {Kind(element)}");
            return null;
        }

        RejectUnknownFields(element, s_runbookFields, gateId, field);
        var red = RequiredString(element, "red", gateId, field + ".red");
        var causes = StringList(element, "causes", gateId, field + ".causes");
        if (causes is { Count: 0 })
        {
            Add(gateId, field + ".causes", "name at least one likely cause");
        }

        return red is null || causes is null || causes.Count == 0 ? null : new Runbook(red, causes);
    }

    private CanaryDefinition? ReadCanary(JsonElement gate, string? gateId, string field)
    {
        if (!gate.TryGetProperty("canary", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            Add(gateId, field, $"must be an object with failpoint or fixture, not {Kind(element)}");
            return null;
        }

        RejectUnknownFields(element, s_canaryFields, gateId, field);
        var failpoint = OptionalString(element, "failpoint", gateId, field + ".failpoint");
        var fixture = OptionalString(element, "fixture", gateId, field + ".fixture");
        if (failpoint is not null && fixture is not null)
        {
            Add(gateId, field, "a canary names a failpoint or a fixture, not both");
            return null;
        }

        if (failpoint is null && fixture is null)
        {
            Add(gateId, field, "a canary must name a failpoint or a fixture (or leave out canary altogether)");
            return null;
        }

        return new CanaryDefinition(failpoint, fixture);
    }

    private bool TryGetArray(JsonElement parent, string name, string? gateId, string field, out JsonElement array)
    {
        if (!parent.TryGetProperty(name, out array))
        {
            Add(gateId, field, "missing required field");
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Add(gateId, field, $"must be an array, not {Kind(array)}");
            return false;
        }

        return true;
    }

    private List<string>? StringList(JsonElement parent, string name, string? gateId, string field)
    {
        if (!TryGetArray(parent, name, gateId, field, out var array))
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Add(gateId, field, $"every entry must be a non-empty string, found {Kind(item)}");
                continue;
            }

            var value = item.GetString()!;
            if (values.Contains(value, StringComparer.Ordinal))
            {
                Add(gateId, field, $"'{value}' is listed twice");
                continue;
            }

            values.Add(value);
        }

        return values;
    }

    private string? RequiredString(JsonElement parent, string name, string? gateId, string field)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            Add(gateId, field, "missing required field");
            return null;
        }

        return StringValue(element, gateId, field);
    }

    private string? OptionalString(JsonElement parent, string name, string? gateId, string field) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? StringValue(element, gateId, field)
            : null;

    private string? StringValue(JsonElement element, string? gateId, string field)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Add(gateId, field, $"must be a string, not {Kind(element)}");
            return null;
        }

        var value = element.GetString()!;
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(gateId, field, "must not be empty");
            return null;
        }

        return value;
    }

    private double? Number(JsonElement parent, string name, string? gateId, string field, bool required)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Add(gateId, field, "missing required field");
            }

            return null;
        }

        if (element.ValueKind == JsonValueKind.String && IsNonFiniteName(element.GetString()))
        {
            Add(gateId, field, $"must be a finite number, not '{element.GetString()}'");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            Add(gateId, field, $"must be a number, not {Kind(element)}");
            return null;
        }

        if (!element.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            Add(gateId, field, $"must be a finite number, not {element.GetRawText()}");
            return null;
        }

        return value;
    }

    private void RejectUnknownFields(JsonElement element, string[] known, string? gateId, string? prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var field = prefix is null ? property.Name : $"{prefix}.{property.Name}";
                Add(gateId, field, $"unknown field (known: {string.Join(", ", known)})");
            }
        }
    }

    private void Add(string? gateId, string? field, string message) => _problems.Add(new GateConfigProblem(file, gateId, field, message));

    private static bool IsNonFiniteName(string? text) =>
        text is not null && (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsFinite(parsed)
            || text.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Infinity", StringComparison.OrdinalIgnoreCase));

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}
