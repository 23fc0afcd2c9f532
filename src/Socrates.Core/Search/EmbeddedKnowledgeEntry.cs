namespace Socrates.Core.Search;

/// <summary>A knowledge entry with its vector and the embedder (name, version) that produced it.</summary>
public sealed record EmbeddedKnowledgeEntry(
    KnowledgeEntry Entry,
    float[] Embedding,
    string EmbedderName,
    string EmbedderVersion,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The index's view of this entry.</summary>
    public VectorRecord ToVectorRecord() => new(Entry.Id, Entry.Scope, Entry.ProjectId, Embedding);
}
