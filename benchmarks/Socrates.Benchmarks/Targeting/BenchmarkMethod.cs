namespace Socrates.Benchmarks.Targeting;

/// <summary>A benchmark method as comparisons.json names it: <c>Type</c> or <c>Namespace.Type</c>, and the method.</summary>
public sealed record BenchmarkMethod(string Type, string Method)
{
    /// <summary>
    /// A BenchmarkDotNet <c>--filter</c> glob matching this method in every parameter case:
    /// BenchmarkDotNet matches a glob against <c>Namespace.Type.Method</c>, and the leading <c>*</c>
    /// stands for the namespace when only the type is named.
    /// </summary>
    public string FilterPattern => $"*{Type}.{Method}";
}
