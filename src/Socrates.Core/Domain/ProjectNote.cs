namespace Socrates.Core.Domain;

/// <summary>A note attached to a project (V1 <c>ProjectNote</c>).</summary>
public sealed class ProjectNote
{
    public string NoteId { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string? Title { get; set; }

    public string? Content { get; set; }

    public string? NoteType { get; set; } = "general";

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public List<string> Tags { get; set; } = [];

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
