using System.Text.RegularExpressions;

namespace Socrates.Gates.Config;

/// <summary>
/// How a developer reruns what fed one gate, alone, as command templates (gates.json
/// <c>reproduce</c>): <see cref="Test"/> for a figure whose writer named its test, a template per
/// suite for the rest, and <see cref="Canary"/> wrapping either to show the gate's canary. The
/// engine knows no project's commands; the templates say them. Placeholders: {profile}, {gate},
/// {metric}, {suite}, {test}, {assembly} (the test assembly's name without .dll), {failpoint},
/// {command} (canary only: the command it wraps).
/// </summary>
internal sealed partial record ReproduceTemplates(string? Test, IReadOnlyDictionary<string, string> Suites, string? Canary)
{
    public static IReadOnlyList<string> Placeholders { get; } = ["profile", "gate", "metric", "suite", "test", "assembly", "failpoint", "command"];

    /// <summary>The placeholders <paramref name="template"/> uses that this engine does not fill.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct(StringComparer.Ordinal)];

    /// <summary>The command that reruns what wrote <paramref name="gate"/>'s figure, or null when no template fits.</summary>
    public string? CommandFor(GateDefinition gate, string profile, string? test, string? assembly)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var template = test is not null && assembly is not null && Test is not null ? Test
            : Suites.TryGetValue(gate.Suite, out var suite) ? suite
            : null;
        return template is null ? null : Fill(template, gate, profile, test, assembly, command: null);
    }

    /// <summary>The same command with the gate's canary on; null when the gate's canary is not a failpoint.</summary>
    public string? CanaryCommandFor(GateDefinition gate, string profile, string? command)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return Canary is null || command is null || gate.Canary?.Failpoint is null
            ? null
            : Fill(Canary, gate, profile, test: null, assembly: null, command);
    }

    private static string Fill(string template, GateDefinition gate, string profile, string? test, string? assembly, string? command) =>
        Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "profile" => profile,
            "gate" => gate.Id,
            "metric" => gate.Metric,
            "suite" => gate.Suite,
            "test" => test ?? "",
            "assembly" => assembly is null ? "" : Path.GetFileNameWithoutExtension(assembly),
            "failpoint" => gate.Canary?.Failpoint ?? "",
            "command" => command ?? "",
            _ => m.Value,
        });

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
