using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>
/// Reads and validates the comparisons file. Validation is strict (unknown fields are errors, so
/// a typo never silently falls back to a default) and complete: every problem is collected and
/// reported at once, each as "file: comparisons[i] (id): field: what is wrong".
/// </summary>
public static partial class ComparisonsFileReader
{
    private static readonly string[] s_rootFields = ["$schema", "description", "reference", "defaults", "comparisons"];
    private static readonly string[] s_settingFields = ["confidence", "relativeNoiseFloor", "absoluteNoiseFloorNs"];
    private static readonly string[] s_entryFields =
        ["id", "title", "kind", "measure", "baseline", "candidate", "benchmark", "reference", .. s_settingFields];

    private static readonly string[] s_selectorFields = ["type", "method", "params"];
    private static readonly string[] s_pairFields = ["baseline", "candidate"];

    public static ComparisonsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ComparisonsFileException($"{path}: cannot be read: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static ComparisonsFile Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ComparisonsFileException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ComparisonsFileException($"{path}: the root must be an object with \"comparisons\".", [$"{path}: root: expected an object, found {root.ValueKind}"]);
            }

            UnknownFields(root, s_rootFields, $"{path}: root", errors);
            var reference = root.TryGetProperty("reference", out var r) ? Selector(r, $"{path}: reference", errors) : null;
            var defaults = root.TryGetProperty("defaults", out var d)
                ? Settings(d, NoiseFloors.Default, $"{path}: defaults", errors, requireObject: true)
                : NoiseFloors.Default;
            if (root.TryGetProperty("defaults", out var defaultsElement) && defaultsElement.ValueKind == JsonValueKind.Object)
            {
                UnknownFields(defaultsElement, s_settingFields, $"{path}: defaults", errors);
            }

            var comparisons = new List<ComparisonDefinition>();
            if (!root.TryGetProperty("comparisons", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{path}: comparisons: required, an array of comparison entries");
            }
            else if (list.GetArrayLength() == 0)
            {
                errors.Add($"{path}: comparisons: empty; a comparisons file with nothing to compare proves nothing");
            }
            else
            {
                var index = 0;
                foreach (var entry in list.EnumerateArray())
                {
                    var definition = Entry(entry, defaults, $"{path}: comparisons[{index}]", errors);
                    if (definition is not null)
                    {
                        comparisons.Add(definition);
                    }

                    index++;
                }
            }

            var names = comparisons.SelectMany(c => c.MetricNames)
                .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
            foreach (var duplicate in names)
            {
                errors.Add($"{path}: comparisons: metric name '{duplicate}' is written by more than one comparison (ids must be unique, and 'x.estimate' is taken by comparison 'x')");
            }

            if (reference is null && comparisons.Any(c => c.Kind == ComparisonKind.Regression && c.Measure == ComparisonMeasure.Time && c.Reference is null))
            {
                errors.Add($"{path}: reference: required when a regression compares time (the stored baseline is normalised by this in-run reference benchmark)");
            }

            if (errors.Count > 0)
            {
                throw new ComparisonsFileException($"{path}: {errors.Count} problem(s) in the comparisons file:", errors);
            }

            return new ComparisonsFile(path, reference, comparisons);
        }
    }

    private static ComparisonDefinition? Entry(JsonElement entry, NoiseFloors defaults, string where, List<string> errors)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: expected an object, found {entry.ValueKind}");
            return null;
        }

        var before = errors.Count;
        var id = String(entry, "id", where, errors, required: true);
        if (id is not null)
        {
            where = $"{where} ('{id}')";
            if (!MetricName().IsMatch(id))
            {
                errors.Add($"{where}: id: '{id}' is not a metric name (lowercase dotted words: letters, digits, '_' or '-', e.g. bench.load_project.lazy_speedup)");
            }
        }

        UnknownFields(entry, s_entryFields, where, errors);
        var title = String(entry, "title", where, errors, required: false);
        var kindText = String(entry, "kind", where, errors, required: true);
        ComparisonKind? kind = kindText switch
        {
            null => null,
            "speedup" => ComparisonKind.Speedup,
            "ratio" => ComparisonKind.Ratio,
            "regression" => ComparisonKind.Regression,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            errors.Add($"{where}: kind: '{kindText}' is not one of speedup, ratio, regression");
        }

        var measureText = String(entry, "measure", where, errors, required: false) ?? "time";
        ComparisonMeasure? measure = measureText switch
        {
            "time" => ComparisonMeasure.Time,
            "allocated" => ComparisonMeasure.Allocated,
            _ => null,
        };
        if (measure is null)
        {
            errors.Add($"{where}: measure: '{measureText}' is not one of time, allocated");
        }

        if (kind == ComparisonKind.Speedup && measure == ComparisonMeasure.Allocated)
        {
            errors.Add($"{where}: measure: a speedup compares time; compare allocated bytes with kind 'ratio' (candidate/baseline, lower is better)");
        }

        BenchmarkSelector? baseline = null, candidate = null, benchmark = null, reference = null;
        if (kind is ComparisonKind.Speedup or ComparisonKind.Ratio)
        {
            baseline = RequiredSelector(entry, "baseline", where, errors);
            candidate = RequiredSelector(entry, "candidate", where, errors);
            if (entry.TryGetProperty("reference", out _))
            {
                errors.Add($"{where}: reference: only a regression is normalised by a reference benchmark; a {kindText} compares two benchmarks of the same run");
            }

            if (entry.TryGetProperty("benchmark", out _))
            {
                errors.Add($"{where}: benchmark: only a regression names one benchmark; a {kindText} names 'baseline' and 'candidate'");
            }

            if (baseline is not null && candidate is not null && baseline.ToString() == candidate.ToString())
            {
                errors.Add($"{where}: candidate: the same benchmark as the baseline ({baseline}); a comparison with itself proves nothing");
            }
        }
        else if (kind == ComparisonKind.Regression)
        {
            benchmark = RequiredSelector(entry, "benchmark", where, errors);
            if (entry.TryGetProperty("reference", out var ownReference))
            {
                reference = Selector(ownReference, $"{where}: reference", errors);
            }

            foreach (var field in s_pairFields.Where(f => entry.TryGetProperty(f, out _)))
            {
                errors.Add($"{where}: {field}: a regression compares 'benchmark' with the stored baseline file; remove '{field}'");
            }
        }

        var settings = Settings(entry, defaults, where, errors, requireObject: false);
        if (measure == ComparisonMeasure.Allocated && s_settingFields.Any(f => entry.TryGetProperty(f, out _)))
        {
            errors.Add($"{where}: allocated bytes are deterministic: confidence and noise floors do not apply; remove them");
        }

        return errors.Count > before || id is null || kind is null || measure is null
            ? null
            : new ComparisonDefinition(id, title, kind.Value, measure.Value, baseline, candidate, benchmark, settings, reference);
    }

    private static NoiseFloors Settings(JsonElement element, NoiseFloors defaults, string where, List<string> errors, bool requireObject)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            if (requireObject)
            {
                errors.Add($"{where}: expected an object with confidence, relativeNoiseFloor, absoluteNoiseFloorNs");
            }

            return defaults;
        }

        var confidence = Number(element, "confidence", where, errors) ?? defaults.Confidence;
        if (confidence is < 0.8 or > 0.999)
        {
            errors.Add($"{where}: confidence: {Format(confidence)} is outside 0.8..0.999 (use 0.95 or 0.99)");
        }

        var relative = Number(element, "relativeNoiseFloor", where, errors) ?? defaults.Relative;
        if (relative is < 0 or >= 1)
        {
            errors.Add($"{where}: relativeNoiseFloor: {Format(relative)} is outside 0..1 (a fraction: 0.02 = 2 %)");
        }

        var absolute = Number(element, "absoluteNoiseFloorNs", where, errors) ?? defaults.AbsoluteNs;
        if (absolute < 0)
        {
            errors.Add($"{where}: absoluteNoiseFloorNs: {Format(absolute)} is negative");
        }

        return new NoiseFloors(confidence, relative, absolute);
    }

    private static BenchmarkSelector? RequiredSelector(JsonElement entry, string field, string where, List<string> errors)
    {
        if (!entry.TryGetProperty(field, out var element))
        {
            errors.Add($"{where}: {field}: required, an object {{ \"type\", \"method\", \"params\"? }}");
            return null;
        }

        return Selector(element, $"{where}: {field}", errors);
    }

    private static BenchmarkSelector? Selector(JsonElement element, string where, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{where}: expected an object {{ \"type\", \"method\", \"params\"? }}, found {element.ValueKind}");
            return null;
        }

        UnknownFields(element, s_selectorFields, where, errors);
        var type = String(element, "type", where, errors, required: true);
        var method = String(element, "method", where, errors, required: true);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("params", out var p))
        {
            if (p.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"{where}: params: expected an object of name -> value as BenchmarkDotNet prints it");
            }
            else
            {
                foreach (var property in p.EnumerateObject())
                {
                    string? value = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.True => "True",
                        JsonValueKind.False => "False",
                        _ => null,
                    };
                    if (value is null)
                    {
                        errors.Add($"{where}: params.{property.Name}: expected a string, number or boolean");
                    }
                    else
                    {
                        parameters[property.Name] = value;
                    }
                }
            }
        }

        return type is null || method is null ? null : new BenchmarkSelector(type, method, parameters);
    }

    private static string? String(JsonElement element, string field, string where, List<string> errors, bool required)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            if (required)
            {
                errors.Add($"{where}: {field}: required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add($"{where}: {field}: expected a non-empty string, found {value.ValueKind}");
            return null;
        }

        return value.GetString();
    }

    private static double? Number(JsonElement element, string field, string where, List<string> errors)
    {
        if (!element.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add($"{where}: {field}: expected a number, found {value.ValueKind}");
            return null;
        }

        return value.GetDouble();
    }

    private static void UnknownFields(JsonElement element, string[] known, string where, List<string> errors)
    {
        foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add($"{where}: {property.Name}: unknown field (known: {string.Join(", ", known)})");
        }
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z0-9_-]+(\\.[a-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();
}
