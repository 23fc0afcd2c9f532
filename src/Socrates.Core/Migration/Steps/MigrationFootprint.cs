namespace Socrates.Core.Migration.Steps;

/// <summary>
/// What a step does to the schema, declared so the conflict checker can reason about steps
/// without running them: the objects it creates, alters, drops and reads, and the versions it
/// must come after (an explicit ordering that makes two alters of one table legitimate).
/// </summary>
public sealed record MigrationFootprint
{
    public static MigrationFootprint Empty { get; } = new();

    public IReadOnlySet<SchemaObject> Creates { get; init; } = new HashSet<SchemaObject>();

    public IReadOnlySet<SchemaObject> Alters { get; init; } = new HashSet<SchemaObject>();

    public IReadOnlySet<SchemaObject> Drops { get; init; } = new HashSet<SchemaObject>();

    /// <summary>Objects the step needs to exist (reads, references, indexes over).</summary>
    public IReadOnlySet<SchemaObject> Reads { get; init; } = new HashSet<SchemaObject>();

    /// <summary>Versions of steps this one is declared to follow.</summary>
    public IReadOnlySet<int> After { get; init; } = new HashSet<int>();

    public static MigrationFootprint Of(
        IEnumerable<SchemaObject>? creates = null,
        IEnumerable<SchemaObject>? alters = null,
        IEnumerable<SchemaObject>? drops = null,
        IEnumerable<SchemaObject>? reads = null,
        IEnumerable<int>? after = null) => new()
        {
            Creates = (creates ?? []).ToHashSet(),
            Alters = (alters ?? []).ToHashSet(),
            Drops = (drops ?? []).ToHashSet(),
            Reads = (reads ?? []).ToHashSet(),
            After = (after ?? []).ToHashSet(),
        };

    /// <summary>This footprint with <paramref name="versions"/> added to <see cref="After"/>.</summary>
    public MigrationFootprint WithAfter(params int[] versions) => this with { After = After.Concat(versions).ToHashSet() };

    /// <summary>A one-line description for messages.</summary>
    public string Describe() =>
        $"creates [{Join(Creates)}] alters [{Join(Alters)}] drops [{Join(Drops)}] reads [{Join(Reads)}]";

    private static string Join(IEnumerable<SchemaObject> objects) =>
        string.Join(", ", objects.Select(o => o.ToString()).Order(StringComparer.Ordinal));
}
