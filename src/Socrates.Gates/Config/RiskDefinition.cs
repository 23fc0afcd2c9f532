namespace Socrates.Gates.Config;

/// <summary>One entry of the risk register: what could go wrong, and how badly.</summary>
internal sealed record RiskDefinition(string Id, string Title, RiskSeverity Severity);
