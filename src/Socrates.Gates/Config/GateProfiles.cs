namespace Socrates.Gates.Config;

/// <summary>The run profiles a gate can belong to, from the fastest to the most thorough.</summary>
internal static class GateProfiles
{
    public const string Quick = "quick";
    public const string Ci = "ci";
    public const string Full = "full";

    public static IReadOnlyList<string> All { get; } = [Quick, Ci, Full];

    public static bool IsKnown(string? profile) => profile is not null && All.Contains(profile, StringComparer.Ordinal);
}
