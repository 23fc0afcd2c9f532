namespace Socrates.Gates.Config;

/// <summary>
/// How a gate proves it can fail: a failpoint that injects the defect the gate exists to catch,
/// or a known-bad fixture a static check must flag. Exactly one of the two is set.
/// </summary>
internal sealed record CanaryDefinition(string? Failpoint, string? Fixture)
{
    /// <summary>A short label for reports: <c>failpoint x</c> or <c>fixture y</c>.</summary>
    public string Describe() => Failpoint is not null ? $"failpoint {Failpoint}" : $"fixture {Fixture}";
}
