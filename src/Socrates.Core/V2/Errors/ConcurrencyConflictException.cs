namespace Socrates.Core.V2.Errors;

/// <summary>
/// A versioned write found another version than it expected; nothing was written. Reload, reapply
/// the change, and save with the new version. <see cref="ActualVersion"/> is 0 when the project
/// does not exist.
/// </summary>
public sealed class ConcurrencyConflictException(string operation, string projectId, long expectedVersion, long actualVersion)
    : DatabaseException(DatabaseErrorCode.ConcurrencyConflict, operation, projectId,
        $"Expected version {expectedVersion} but the stored version is {actualVersion}" +
        (actualVersion == 0 ? " (no such project)." : "."))
{
    public string ProjectId { get; } = projectId;

    public long ExpectedVersion { get; } = expectedVersion;

    public long ActualVersion { get; } = actualVersion;
}
