namespace Socrates.Testing.Integrity;

/// <summary>The bad rows a generated V1 database carries on purpose (each must end in the rejects log).</summary>
public enum V1DefectKind
{
    /// <summary>The data blob is not a pickle (truncated / garbage bytes).</summary>
    UnpicklableBlob,

    /// <summary>A project whose phase is not one of the four.</summary>
    InvalidPhase,

    /// <summary>A project whose owner is not a user.</summary>
    UnknownOwner,

    /// <summary>A project name over 200 characters.</summary>
    OverlongName,
}
