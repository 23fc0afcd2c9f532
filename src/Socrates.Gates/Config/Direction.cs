namespace Socrates.Gates.Config;

/// <summary>Which side of a threshold is safe.</summary>
public enum Direction
{
    /// <summary>Higher is better: a value below <c>fail</c> fails, below <c>warn</c> warns.</summary>
    Min,

    /// <summary>Lower is better: a value above <c>fail</c> fails, above <c>warn</c> warns.</summary>
    Max,
}
