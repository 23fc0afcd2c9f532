using Socrates.Core.Failpoints;

namespace Socrates.Core.Repositories;

/// <summary>Canaries of the repository layer (off unless enabled).</summary>
[FailpointCatalog]
public static class RepositoryFailpoints
{
    /// <summary>
    /// The cached repository serves every project with its requirements list cut to the first item:
    /// one flag combination (Caching on) answers differently from the V1 baseline
    /// (<c>flags.combination_disagreements</c> goes above 0).
    /// </summary>
    public const string CombinationChangesAnswer = "flags.combination.changes-answer";
}
