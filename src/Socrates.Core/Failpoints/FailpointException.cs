namespace Socrates.Core.Failpoints;

/// <summary>The fault a failpoint injects when its job is to make an operation fail.</summary>
public sealed class FailpointException(string name)
    : Exception($"Failpoint '{name}' is active and injected a failure.")
{
    public string Name { get; } = name;
}
