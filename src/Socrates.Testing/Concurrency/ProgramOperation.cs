using System.Globalization;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// One step of a <see cref="ConcurrentProgram"/>: the kind, which of the few shared projects
/// (or cache keys) it touches, the expected version of a save, and the value or user name.
/// </summary>
public sealed record ProgramOperation(ProgramOperationKind Kind, int Key, long ExpectedVersion = 0, string Argument = "")
{
    /// <summary>The project id of a database step (<c>p0</c>, <c>p1</c>...).</summary>
    public string ProjectId => string.Create(CultureInfo.InvariantCulture, $"p{Key}");

    /// <summary>The project id behind a cache step (<c>c0</c>, <c>c1</c>...): cache keys never share a project with database steps.</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture, $"c{Key}");

    /// <summary>True for the steps that go through the cached repository.</summary>
    public bool IsCacheStep => Kind is ProgramOperationKind.CacheRead or ProgramOperationKind.CacheWrite or ProgramOperationKind.CacheInvalidate;

    public override string ToString() => Kind switch
    {
        ProgramOperationKind.Save => $"save {ProjectId} \"{Argument}\" if v{ExpectedVersion}",
        ProgramOperationKind.Load => $"load {ProjectId}",
        ProgramOperationKind.Update => $"update {ProjectId} \"{Argument}\"",
        ProgramOperationKind.Delete => $"delete {ProjectId}",
        ProgramOperationKind.AddCollaborator => $"add-collaborator {ProjectId} {Argument}",
        ProgramOperationKind.RemoveCollaborator => $"remove-collaborator {ProjectId} {Argument}",
        ProgramOperationKind.AppendMessage => $"append-message {ProjectId} \"{Argument}\"",
        ProgramOperationKind.CountMessages => $"count-messages {ProjectId}",
        ProgramOperationKind.CacheRead => $"cache-read {CacheKey}",
        ProgramOperationKind.CacheWrite => $"cache-write {CacheKey} \"{Argument}\"",
        _ => $"cache-invalidate {CacheKey}",
    };
}
