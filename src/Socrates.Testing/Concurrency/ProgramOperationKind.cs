namespace Socrates.Testing.Concurrency;

/// <summary>What one step of a generated concurrent program does (see <see cref="ProjectModel"/> for the semantics checked).</summary>
public enum ProgramOperationKind
{
    /// <summary>SaveProject with an explicit expected version (0: must not exist yet).</summary>
    Save,

    /// <summary>LoadProject (metadata): the version and the stored value.</summary>
    Load,

    /// <summary>Read-modify-write: a recorded load, then a recorded save expecting the loaded version.</summary>
    Update,

    /// <summary>DeleteProject.</summary>
    Delete,

    /// <summary>AddCollaboratorToProject.</summary>
    AddCollaborator,

    /// <summary>RemoveCollaboratorFromProject.</summary>
    RemoveCollaborator,

    /// <summary>AppendMessage (bumps the version).</summary>
    AppendMessage,

    /// <summary>CountProjectMessages.</summary>
    CountMessages,

    /// <summary>A read through the cached repository.</summary>
    CacheRead,

    /// <summary>A write through the cached repository (a versioned save, retried on conflict).</summary>
    CacheWrite,

    /// <summary>Drops the key from the cache (no effect on the abstract state; not recorded).</summary>
    CacheInvalidate,
}
