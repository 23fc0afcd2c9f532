namespace Socrates.Core.Domain;

/// <summary>An uploaded document and its embedding (V1 <c>KnowledgeBaseDocument</c>).</summary>
public sealed class KnowledgeBaseDocument
{
    public string Id { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string? Filename { get; set; }

    public long FileSize { get; set; }

    public string? ContentType { get; set; }

    public string? Content { get; set; }

    /// <summary>The raw embedding bytes as V1 pickled them, or null.</summary>
    public byte[]? Embedding { get; set; }

    public DateTime UploadedAt { get; set; }

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
