namespace Socrates.Core.V2.Events;

/// <summary>A committed write: which operation, which kind of entity, its key, its new version (projects).</summary>
public sealed class DatabaseChangeEventArgs(string operation, string entity, string key, long? version) : EventArgs
{
    public string Operation { get; } = operation;

    public string Entity { get; } = entity;

    public string Key { get; } = key;

    public long? Version { get; } = version;
}
