namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The budgets of one search: the token (time budget or caller), a step allowance and an
/// estimated memory ceiling for what the search keeps (visited configurations and interned states).
/// </summary>
internal sealed record SearchLimits(CancellationToken Token, long MaxSteps = long.MaxValue, long? MaxMemoryBytes = null);
