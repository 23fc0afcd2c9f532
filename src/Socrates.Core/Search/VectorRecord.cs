namespace Socrates.Core.Search;

/// <summary>What an index keeps of an entry: its id, its scope (for filtering) and its unit vector.</summary>
public sealed record VectorRecord(string Id, KnowledgeScope Scope, string? ProjectId, float[] Vector)
{
    /// <summary>True when the two vectors are bit-for-bit equal.</summary>
    public bool HasSameVector(float[] other) => Vector.AsSpan().SequenceEqual(other);
}
