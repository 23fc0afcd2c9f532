namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="KnowledgeBaseDocument"/> &lt;-&gt; <c>asdict(...)</c>.</summary>
public static class KnowledgeBaseDocumentDict
{
    public static IReadOnlyList<string> Keys { get; } =
        ["id", "project_id", "user_id", "filename", "file_size", "content_type", "content", "embedding", "uploaded_at"];

    public static Dictionary<string, object?> ToDict(KnowledgeBaseDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = d.Id,
            ["project_id"] = d.ProjectId,
            ["user_id"] = d.UserId,
            ["filename"] = d.Filename,
            ["file_size"] = d.FileSize,
            ["content_type"] = d.ContentType,
            ["content"] = d.Content,
            ["embedding"] = d.Embedding,
            ["uploaded_at"] = d.UploadedAt,
        };
        return DictWriter.WithExtras(dict, d.Extras);
    }

    public static KnowledgeBaseDocument FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(KnowledgeBaseDocument), dict);
        var d = new KnowledgeBaseDocument
        {
            Id = r.RequiredString("id"),
            ProjectId = r.RequiredString("project_id"),
            UserId = r.RequiredString("user_id"),
            Filename = r.String("filename", null),
            FileSize = r.Long("file_size", 0),
            ContentType = r.String("content_type", null),
            Content = r.String("content", null),
            Embedding = r.Bytes("embedding"),
            UploadedAt = r.RequiredDateTime("uploaded_at", DateTime.MinValue),
        };
        d.Extras = r.Extras();
        return d;
    }
}
