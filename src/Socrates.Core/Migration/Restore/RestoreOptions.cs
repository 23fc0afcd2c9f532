namespace Socrates.Core.Migration.Restore;

/// <summary>Options of <see cref="DatabaseRestore"/>.</summary>
public sealed class RestoreOptions
{
    /// <summary>Where to restore to; default: the source path recorded in the backup's manifest.</summary>
    public string? Destination { get; init; }

    /// <summary>
    /// Replace a destination that differs from the source that was backed up. What it replaces is
    /// kept beside it as <c>&lt;name&gt;.replaced-&lt;time&gt;</c>, never deleted.
    /// </summary>
    public bool Force { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
