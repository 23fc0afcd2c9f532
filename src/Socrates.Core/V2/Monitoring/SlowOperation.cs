namespace Socrates.Core.V2.Monitoring;

/// <summary>An operation that took longer than the slow threshold.</summary>
public sealed record SlowOperation(string Operation, string? Key, double ElapsedMs, bool Succeeded, DateTimeOffset At);
