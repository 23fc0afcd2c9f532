namespace Socrates.Core.V2.Rows;

/// <summary>Note and knowledge document statements.</summary>
internal static class NoteSql
{
    public const string UpsertNote =
        "INSERT INTO project_notes (note_id, project_id, title, content, note_type, created_at, created_by, tags_json, extras_json) " +
        "VALUES ($note_id, $project_id, $title, $content, $note_type, $created_at, $created_by, $tags_json, $extras_json) " +
        "ON CONFLICT (note_id) DO UPDATE SET project_id = excluded.project_id, title = excluded.title, content = excluded.content, " +
        "note_type = excluded.note_type, created_at = excluded.created_at, created_by = excluded.created_by, " +
        "tags_json = excluded.tags_json, extras_json = excluded.extras_json;";

    public const string NoteColumns =
        "SELECT note_id, project_id, title, content, note_type, created_at, created_by, tags_json, extras_json FROM project_notes ";

    public const string LoadNote = NoteColumns + "WHERE note_id = $note_id;";

    public const string ProjectNotes = NoteColumns + "WHERE project_id = $project_id ORDER BY created_at, note_id;";

    public const string DeleteNote = "DELETE FROM project_notes WHERE note_id = $note_id;";

    public const string CountNotes = "SELECT COUNT(*) FROM project_notes WHERE project_id = $project_id;";

    public const string UpsertDocument =
        "INSERT INTO knowledge_documents (id, project_id, user_id, filename, file_size, content_type, content, uploaded_at, extras_json) " +
        "VALUES ($id, $project_id, $user_id, $filename, $file_size, $content_type, $content, $uploaded_at, $extras_json) " +
        "ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, user_id = excluded.user_id, filename = excluded.filename, " +
        "file_size = excluded.file_size, content_type = excluded.content_type, content = excluded.content, " +
        "uploaded_at = excluded.uploaded_at, extras_json = excluded.extras_json;";

    public const string DeleteEmbedding = "DELETE FROM knowledge_embeddings WHERE document_id = $id;";

    public const string InsertEmbedding = "INSERT INTO knowledge_embeddings (document_id, embedding) VALUES ($id, $embedding);";

    public const string DocumentColumns =
        "SELECT d.id, d.project_id, d.user_id, d.filename, d.file_size, d.content_type, d.content, d.uploaded_at, d.extras_json, e.embedding " +
        "FROM knowledge_documents d LEFT JOIN knowledge_embeddings e ON e.document_id = d.id ";

    public const string LoadDocument = DocumentColumns + "WHERE d.id = $id;";

    public const string ProjectDocuments = DocumentColumns + "WHERE d.project_id = $project_id ORDER BY d.uploaded_at, d.id;";

    public const string ProjectEmbeddings =
        "SELECT e.document_id, e.embedding FROM knowledge_embeddings e JOIN knowledge_documents d ON d.id = e.document_id " +
        "WHERE d.project_id = $project_id ORDER BY e.document_id;";

    public const string DeleteDocument = "DELETE FROM knowledge_documents WHERE id = $id;";

    public const string ExistsDocument = "SELECT EXISTS (SELECT 1 FROM knowledge_documents WHERE id = $id);";
}
