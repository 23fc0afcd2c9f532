using Socrates.Gates.Config;

namespace Socrates.Gates.Evaluation;

/// <summary>A risk after the run: its status, the gates (in this profile) that retire it, and whether any only warned.</summary>
internal sealed record RiskResult(RiskDefinition Risk, RiskStatus Status, IReadOnlyList<string> Gates, bool HasWarnings);
