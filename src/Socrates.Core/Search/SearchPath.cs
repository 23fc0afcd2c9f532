namespace Socrates.Core.Search;

/// <summary>Which algorithm answers a query.</summary>
public enum SearchPath
{
    /// <summary>The approximate IVF index (production default); exact when the index fell back.</summary>
    Ivf = 0,

    /// <summary>Brute force over every entry: slow, always right.</summary>
    Exact = 1,
}
