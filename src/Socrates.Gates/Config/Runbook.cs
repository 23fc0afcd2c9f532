namespace Socrates.Gates.Config;

/// <summary>
/// What a red gate (or a risk at risk) means for the release, and where to look first. Kept
/// beside the gate in gates.json so it changes with it; the report shows it under every red
/// gate. The commands that reproduce a gate come from the file's <c>reproduce</c> templates.
/// </summary>
internal sealed record Runbook(string Red, IReadOnlyList<string> Causes);
