namespace Socrates.Core.Migration.V1ToV2;

/// <summary>A key found in V1 blobs that the field map neither maps nor drops: where, how often, and the first ids carrying it.</summary>
public sealed record UnmappedKey(string Entity, string Key, long Count, IReadOnlyList<string> FirstIds);
