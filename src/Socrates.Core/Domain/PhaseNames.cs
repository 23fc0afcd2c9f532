using System.Diagnostics.CodeAnalysis;

namespace Socrates.Core.Domain;

/// <summary>Converts <see cref="Phase"/> to and from the lower-case names V1 and V2 store.</summary>
public static class PhaseNames
{
    public const string Discovery = "discovery";
    public const string Analysis = "analysis";
    public const string Design = "design";
    public const string Implementation = "implementation";

    /// <summary>Every name, in phase order (the V2 CHECK constraint lists the same).</summary>
    public static IReadOnlyList<string> All { get; } = [Discovery, Analysis, Design, Implementation];

    public static string ToName(Phase phase) => phase switch
    {
        Phase.Discovery => Discovery,
        Phase.Analysis => Analysis,
        Phase.Design => Design,
        Phase.Implementation => Implementation,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a defined phase."),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out Phase? phase)
    {
        phase = name switch
        {
            Discovery => Phase.Discovery,
            Analysis => Phase.Analysis,
            Design => Phase.Design,
            Implementation => Phase.Implementation,
            _ => null,
        };
        return phase is not null;
    }

    public static Phase Parse(string? name) =>
        TryParse(name, out var phase)
            ? phase.Value
            : throw new FormatException($"'{name}' is not a phase; expected one of {string.Join(", ", All)}.");
}
