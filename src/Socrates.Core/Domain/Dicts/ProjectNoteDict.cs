namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="ProjectNote"/> &lt;-&gt; <c>asdict(note)</c>.</summary>
public static class ProjectNoteDict
{
    public static IReadOnlyList<string> Keys { get; } =
        ["note_id", "project_id", "title", "content", "note_type", "created_at", "created_by", "tags"];

    public static Dictionary<string, object?> ToDict(ProjectNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["note_id"] = note.NoteId,
            ["project_id"] = note.ProjectId,
            ["title"] = note.Title,
            ["content"] = note.Content,
            ["note_type"] = note.NoteType,
            ["created_at"] = note.CreatedAt,
            ["created_by"] = note.CreatedBy,
            ["tags"] = DictWriter.Strings(note.Tags),
        };
        return DictWriter.WithExtras(dict, note.Extras);
    }

    public static ProjectNote FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(ProjectNote), dict);
        var note = new ProjectNote
        {
            NoteId = r.RequiredString("note_id"),
            ProjectId = r.RequiredString("project_id"),
            Title = r.String("title", null),
            Content = r.String("content", null),
            NoteType = r.String("note_type", new ProjectNote().NoteType),
            CreatedAt = r.RequiredDateTime("created_at", DateTime.MinValue),
            CreatedBy = r.String("created_by", null),
            Tags = r.StringList("tags"),
        };
        note.Extras = r.Extras();
        return note;
    }
}
