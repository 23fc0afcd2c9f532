using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Core.Migration.Validation;

/// <summary>The results of every validator run against a migration; passes iff all of them pass.</summary>
public sealed class ValidationReport
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };
    private readonly List<ValidationResult> _results = [];

    public IReadOnlyList<ValidationResult> Results => _results;

    public bool Passed => _results.All(r => r.Passed);

    [JsonIgnore]
    public IReadOnlyList<ValidationResult> Failures => [.. _results.Where(r => !r.Passed)];

    public ValidationReport Add(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results.Add(result);
        return this;
    }

    public ValidationReport AddRange(IEnumerable<ValidationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (var result in results)
        {
            Add(result);
        }

        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(new { passed = Passed, results = _results }, s_json);

    public string Describe() => Passed
        ? $"all {_results.Count} validation(s) passed"
        : string.Join("; ", Failures.Select(f => $"{f.Validator} on {f.Subject}: {f.Details} (first: {string.Join(", ", f.FirstOffenders)})"));
}
