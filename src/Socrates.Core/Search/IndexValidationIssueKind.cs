namespace Socrates.Core.Search;

/// <summary>Ways an index can disagree with itself or with the store.</summary>
public enum IndexValidationIssueKind
{
    /// <summary>An entry of the store is in no list.</summary>
    MissingEntry,

    /// <summary>An id is in more than one list, or twice in one list.</summary>
    DuplicateEntry,

    /// <summary>An indexed id is not in the store.</summary>
    OrphanEntry,

    /// <summary>An indexed vector differs from the store's vector for the same id (a lost update).</summary>
    StaleVector,

    /// <summary>The id-to-list locator disagrees with where the id actually is.</summary>
    LocatorMismatch,

    /// <summary>A centroid holds NaN or infinity.</summary>
    NonFiniteCentroid,

    /// <summary>The recomputed checksum differs from the one the index carries.</summary>
    ChecksumMismatch,
}
