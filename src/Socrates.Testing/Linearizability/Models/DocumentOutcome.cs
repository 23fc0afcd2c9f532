namespace Socrates.Testing.Linearizability.Models;

/// <summary>What a document store answered.</summary>
public enum DocumentOutcome
{
    /// <summary>Save succeeded; the output carries the new version.</summary>
    Saved,

    /// <summary>Save or delete was rejected: the stored version was not the expected one.</summary>
    Conflict,

    /// <summary>Load found the document; the output carries version and value.</summary>
    Loaded,

    /// <summary>Load or delete found no document.</summary>
    NotFound,

    /// <summary>Delete removed the document.</summary>
    Deleted,
}
