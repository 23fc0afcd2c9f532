namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// The budgets of one search: the token (time budget or caller), a step allowance and the memory
/// budget shared with the other searches of the check (visited configurations and interned states).
/// </summary>
internal sealed record SearchLimits(CancellationToken Token, long MaxSteps = long.MaxValue, MemoryBudget? Memory = null);
