namespace Socrates.Evidence;

/// <summary>
/// The JSON property names of a metric file (see <c>gates.schema.json</c>): the record that writes
/// it and the engine's tolerant reader both name them from here.
/// </summary>
public static class MetricFields
{
    public const string Name = "name";
    public const string Value = "value";
    public const string Unit = "unit";
    public const string Evidence = "evidence";
    public const string Suite = "suite";
    public const string Profile = "profile";
    public const string Failpoints = "failpoints";
    public const string WrittenAt = "writtenAt";
    public const string Test = "test";
    public const string Assembly = "assembly";
    public const string Status = "status";
    public const string Reason = "reason";

    /// <summary>The SHA-256 of the user's V1 database the figure was measured on (a rehearsal); absent for generated data.</summary>
    public const string Dataset = "dataset";

    /// <summary>The list form of a metric file: <c>{"metrics": [ ... ]}</c>.</summary>
    public const string Metrics = "metrics";
}
