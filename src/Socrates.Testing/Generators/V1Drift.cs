namespace Socrates.Testing.Generators;

/// <summary>
/// How a generated V1 dict departs from the current dataclass, as real blobs do: an older blob
/// lacks fields added later; a newer or hand-edited one carries keys the code does not know.
/// </summary>
public sealed record V1Drift(IReadOnlyList<string> MissingKeys, IReadOnlyDictionary<string, object?> ExtraKeys)
{
    public static V1Drift None { get; } = new([], new Dictionary<string, object?>());

    /// <summary>Fields the app added late (an old blob has none of them).</summary>
    public static IReadOnlyList<string> LateProjectFields { get; } =
    [
        "description", "repository_url", "repository_owner", "repository_name", "repository_description",
        "repository_language", "repository_imported_at", "repository_file_count", "repository_has_tests",
        "llm_configuration", "categorized_specs", "maturity_history", "analytics_metrics",
    ];
}
