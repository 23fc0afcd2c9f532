using System.Text.Json;
using System.Text.Json.Serialization;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Migration.Conflicts;

/// <summary>
/// Steps stored as data: a JSON array of <c>{ "version", "description", "sql", "after"? }</c>.
/// Their footprints are read from the SQL. Used for known-bad fixtures the checker must flag.
/// </summary>
public static class MigrationStepFile
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyList<SqlMigrationStep> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        List<StepDefinition>? definitions;
        try
        {
            definitions = JsonSerializer.Deserialize<List<StepDefinition>>(File.ReadAllText(path), s_json);
        }
        catch (JsonException error)
        {
            throw Invalid(path, $"not a JSON array of steps: {error.Message}", error);
        }

        if (definitions is null || definitions.Count == 0)
        {
            throw Invalid(path, "it holds no steps", null);
        }

        return [.. definitions.Select((d, index) =>
            d.Version is not { } version || string.IsNullOrWhiteSpace(d.Description) || string.IsNullOrWhiteSpace(d.Sql)
                ? throw Invalid(path, $"step #{index} lacks a version, description or sql", null)
                : SqlMigrationStep.FromSqlOnly(version, d.Description, d.Sql, d.After))];
    }

    private static MigrationException Invalid(string path, string why, Exception? inner) =>
        new(MigrationErrorCode.InvalidStepDefinition, $"Migration step file '{path}' is invalid: {why}.", new Dictionary<string, string> { ["path"] = path }, inner);

    private sealed record StepDefinition(
        [property: JsonPropertyName("version")] int? Version,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("sql")] string? Sql,
        [property: JsonPropertyName("after")] int[]? After);
}
