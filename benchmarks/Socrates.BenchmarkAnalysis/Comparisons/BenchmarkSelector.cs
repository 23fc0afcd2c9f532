using Socrates.BenchmarkAnalysis.Results;

namespace Socrates.BenchmarkAnalysis.Comparisons;

/// <summary>
/// Picks one benchmark from a run: <see cref="Type"/> is BenchmarkDotNet's <c>Type</c> (the class
/// name) or <c>Namespace.Type</c>; <see cref="Method"/> its <c>Method</c>; every entry of
/// <see cref="Parameters"/> must equal the value BenchmarkDotNet printed in <c>Parameters</c>.
/// Parameters not named are free, so a selector matching two cases is ambiguous (an error).
/// </summary>
public sealed record BenchmarkSelector(string Type, string Method, IReadOnlyDictionary<string, string> Parameters)
{
    public bool Matches(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var typeMatches = string.Equals(result.Type, Type, StringComparison.Ordinal)
            || string.Equals(result.Namespace + "." + result.Type, Type, StringComparison.Ordinal);
        return typeMatches
            && string.Equals(result.Method, Method, StringComparison.Ordinal)
            && Parameters.All(p => result.Parameters.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal));
    }

    /// <summary>The one matching benchmark, or an error message (none, or several).</summary>
    public (BenchmarkResult? Result, string? Error) Resolve(IReadOnlyList<BenchmarkResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var matches = results.Where(Matches).ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, $"no benchmark result matches {this} (missing from the run, failed, or filtered out)"),
            _ => (null, $"{this} is ambiguous: it matches {string.Join(", ", matches.Select(m => m.FullName))}; name more params"),
        };
    }

    public override string ToString() =>
        Parameters.Count == 0
            ? $"{Type}.{Method}"
            : $"{Type}.{Method}({string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value))})";
}
