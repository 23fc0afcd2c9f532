namespace Socrates.Benchmarks.Harness;

/// <summary>
/// The benchmark harness's own canaries, read straight from <c>SOCRATES_FAILPOINTS</c> (comma
/// separated). They are not declared in a <c>[FailpointCatalog]</c>: catalogs are discovered only
/// in the Socrates.Core assembly, and these defects belong to the harness's self-test and floor
/// benchmarks, not to the core. Beware: Socrates.Core's <c>Failpoint</c> rejects names it does not
/// know, so run these canaries with a filter that selects only benchmarks touching no core code
/// (e.g. <c>--filter '*SelfTest*' '*SqliteFloor*'</c>).
/// </summary>
public static class BenchmarkFailpoints
{
    public const string EnvironmentVariable = "SOCRATES_FAILPOINTS";

    /// <summary>True when <paramref name="name"/> is listed in <c>SOCRATES_FAILPOINTS</c>.</summary>
    public static bool IsActive(string name) =>
        (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(name, StringComparer.Ordinal);
}
