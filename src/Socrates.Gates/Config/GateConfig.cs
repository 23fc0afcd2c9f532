namespace Socrates.Gates.Config;

/// <summary>A loaded, validated <c>gates.json</c>: the risk register and the gates.</summary>
internal sealed record GateConfig(string File, int Version, IReadOnlyList<RiskDefinition> Risks, IReadOnlyList<GateDefinition> Gates)
{
    public const int CurrentVersion = 1;

    /// <summary>How to rerun one gate's evidence alone; null when the file gives no templates.</summary>
    public ReproduceTemplates? Reproduce { get; init; }

    /// <summary>The gates decided in <paramref name="profile"/>.</summary>
    public IEnumerable<GateDefinition> GatesFor(string profile) => Gates.Where(g => g.AppliesTo(profile));
}
