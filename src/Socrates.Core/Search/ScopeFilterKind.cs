namespace Socrates.Core.Search;

public enum ScopeFilterKind
{
    /// <summary>Every entry.</summary>
    All = 0,

    /// <summary>Global entries only.</summary>
    GlobalOnly = 1,

    /// <summary>Entries of one project only.</summary>
    ProjectOnly = 2,

    /// <summary>Entries of one project plus every global entry (what a project's user sees).</summary>
    ProjectAndGlobal = 3,
}
