using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    /// <summary>
    /// Inserts or replaces a note. Its project must exist: otherwise a
    /// <see cref="Errors.ConstraintViolationException"/> (foreign key), nothing written.
    /// </summary>
    public async Task SaveNoteAsync(ProjectNote note, CancellationToken cancellationToken = default)
    {
        string? tags = null, extras = null;
        await RunAsync(note?.NoteId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(NoteSql.UpsertNote, tx).With("$note_id", note!.NoteId).With("$project_id", note.ProjectId).With("$title", note.Title)
                .With("$content", note.Content).With("$note_type", note.NoteType).WithTime("$created_at", note.CreatedAt)
                .With("$created_by", note.CreatedBy).With("$tags_json", tags).With("$extras_json", extras).ExecuteNonQuery()),
            cancellationToken, () =>
            {
                const string op = nameof(SaveNoteAsync);
                if (note is null)
                {
                    throw new Validation.ValidationException(op, null, "note", "is required (null given).");
                }

                _validate.Identifier(op, "note_id", note.NoteId);
                _validate.Identifier(op, "project_id", note.ProjectId);
                _validate.Text(op, note.NoteId, "title", note.Title, _options.MaxNameLength);
                _validate.Text(op, note.NoteId, "content", note.Content);
                _validate.Text(op, note.NoteId, "note_type", note.NoteType, _options.MaxNameLength);
                _validate.OptionalIdentifier(op, "created_by", note.CreatedBy);
                _validate.TextList(op, note.NoteId, "tags", note.Tags);
                tags = SqlValues.StringsJson(note.Tags);
                extras = _validate.Json(op, note.NoteId, "extras", note.Extras);
            }).ConfigureAwait(false);
        OnSaved(nameof(SaveNoteAsync), "note", note!.NoteId);
    }

    /// <summary>A note, or null.</summary>
    public Task<ProjectNote?> LoadNoteAsync(string noteId, CancellationToken cancellationToken = default) =>
        RunAsync(noteId, (c, _) =>
        {
            using var reader = c.Command(NoteSql.LoadNote).With("$note_id", noteId).ExecuteReader();
            return reader.Read() ? ReadNote(reader) : null;
        }, cancellationToken, () => _validate.Identifier(nameof(LoadNoteAsync), "note_id", noteId));

    /// <summary>A project's notes by creation time (empty when none or no such project).</summary>
    public Task<List<ProjectNote>> GetProjectNotesAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) =>
        {
            var notes = new List<ProjectNote>();
            using var reader = c.Command(NoteSql.ProjectNotes).With("$project_id", projectId).ExecuteReader();
            while (reader.Read())
            {
                notes.Add(ReadNote(reader));
            }

            return notes;
        }, cancellationToken, () => _validate.Identifier(nameof(GetProjectNotesAsync), "project_id", projectId));

    /// <summary>How many notes a project has.</summary>
    public Task<long> CountProjectNotesAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) => (long)c.Command(NoteSql.CountNotes).With("$project_id", projectId).ExecuteScalar()!,
            cancellationToken, () => _validate.Identifier(nameof(CountProjectNotesAsync), "project_id", projectId));

    /// <summary>Deletes a note. False when absent.</summary>
    public async Task<bool> DeleteNoteAsync(string noteId, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(noteId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(NoteSql.DeleteNote, tx).With("$note_id", noteId).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteNoteAsync), "note_id", noteId)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteNoteAsync), "note", noteId);
        }

        return deleted;
    }

    /// <summary>
    /// Inserts or replaces a knowledge document and its embedding (a separate table; a null
    /// embedding removes it). The project must exist (foreign key).
    /// </summary>
    public async Task SaveKnowledgeDocumentAsync(KnowledgeBaseDocument document, CancellationToken cancellationToken = default)
    {
        string? extras = null;
        await RunAsync(document?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var d = document!;
            c.Command(NoteSql.UpsertDocument, tx).With("$id", d.Id).With("$project_id", d.ProjectId).With("$user_id", d.UserId)
                .With("$filename", d.Filename).With("$file_size", d.FileSize).With("$content_type", d.ContentType)
                .With("$content", d.Content).WithTime("$uploaded_at", d.UploadedAt).With("$extras_json", extras).ExecuteNonQuery();
            c.Command(NoteSql.DeleteEmbedding, tx).With("$id", d.Id).ExecuteNonQuery();
            if (d.Embedding is not null)
            {
                c.Command(NoteSql.InsertEmbedding, tx).With("$id", d.Id).With("$embedding", d.Embedding).ExecuteNonQuery();
            }

            return true;
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveKnowledgeDocumentAsync);
            if (document is null)
            {
                throw new Validation.ValidationException(op, null, "document", "is required (null given).");
            }

            _validate.Identifier(op, "id", document.Id);
            _validate.Identifier(op, "project_id", document.ProjectId);
            _validate.Identifier(op, "user_id", document.UserId);
            _validate.Text(op, document.Id, "filename", document.Filename, _options.MaxNameLength);
            _validate.Text(op, document.Id, "content_type", document.ContentType, _options.MaxNameLength);
            _validate.Text(op, document.Id, "content", document.Content, _options.MaxDocumentLength);
            if (document.FileSize < 0)
            {
                throw new Validation.ValidationException(op, document.Id, "file_size", $"{document.FileSize} is negative.");
            }

            if (document.Embedding is { Length: var n } && n > _options.MaxDocumentLength)
            {
                throw new Validation.ValidationException(op, document.Id, "embedding", $"{n} bytes exceed the limit of {_options.MaxDocumentLength}.");
            }

            extras = _validate.Json(op, document.Id, "extras", document.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveKnowledgeDocumentAsync), "knowledge_document", document!.Id);
    }

    /// <summary>A knowledge document with its embedding, or null.</summary>
    public Task<KnowledgeBaseDocument?> LoadKnowledgeDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        RunAsync(documentId, (c, _) =>
        {
            using var reader = c.Command(NoteSql.LoadDocument).With("$id", documentId).ExecuteReader();
            return reader.Read() ? ReadDocument(reader) : null;
        }, cancellationToken, () => _validate.Identifier(nameof(LoadKnowledgeDocumentAsync), "id", documentId));

    /// <summary>A project's documents (with embeddings) by upload time.</summary>
    public Task<List<KnowledgeBaseDocument>> GetProjectKnowledgeDocumentsAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) =>
        {
            var documents = new List<KnowledgeBaseDocument>();
            using var reader = c.Command(NoteSql.ProjectDocuments).With("$project_id", projectId).ExecuteReader();
            while (reader.Read())
            {
                documents.Add(ReadDocument(reader));
            }

            return documents;
        }, cancellationToken, () => _validate.Identifier(nameof(GetProjectKnowledgeDocumentsAsync), "project_id", projectId));

    /// <summary>Only the embeddings of a project's documents (document id, bytes), for the vector index.</summary>
    public Task<List<KeyValuePair<string, byte[]>>> GetProjectEmbeddingsAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) =>
        {
            var embeddings = new List<KeyValuePair<string, byte[]>>();
            using var reader = c.Command(NoteSql.ProjectEmbeddings).With("$project_id", projectId).ExecuteReader();
            while (reader.Read())
            {
                embeddings.Add(new(reader.GetString(0), (byte[])reader.GetValue(1)));
            }

            return embeddings;
        }, cancellationToken, () => _validate.Identifier(nameof(GetProjectEmbeddingsAsync), "project_id", projectId));

    /// <summary>Deletes a document and its embedding. False when absent.</summary>
    public async Task<bool> DeleteKnowledgeDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(documentId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(NoteSql.DeleteDocument, tx).With("$id", documentId).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteKnowledgeDocumentAsync), "id", documentId)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteKnowledgeDocumentAsync), "knowledge_document", documentId);
        }

        return deleted;
    }

    /// <summary>True when the document exists.</summary>
    public Task<bool> ExistsKnowledgeDocumentAsync(string documentId, CancellationToken cancellationToken = default) =>
        RunAsync(documentId, (c, _) => (long)c.Command(NoteSql.ExistsDocument).With("$id", documentId).ExecuteScalar()! != 0,
            cancellationToken, () => _validate.Identifier(nameof(ExistsKnowledgeDocumentAsync), "id", documentId));

    private static ProjectNote ReadNote(SqliteDataReader r) => new()
    {
        NoteId = r.GetString(0),
        ProjectId = r.GetString(1),
        Title = r.Text(2),
        Content = r.Text(3),
        NoteType = r.Text(4),
        CreatedAt = r.RequiredTime(5),
        CreatedBy = r.Text(6),
        Tags = r.JsonStrings(7),
        Extras = r.JsonDict(8),
    };

    private static KnowledgeBaseDocument ReadDocument(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        ProjectId = r.GetString(1),
        UserId = r.GetString(2),
        Filename = r.Text(3),
        FileSize = r.GetInt64(4),
        ContentType = r.Text(5),
        Content = r.Text(6),
        UploadedAt = r.RequiredTime(7),
        Extras = r.JsonDict(8),
        Embedding = r.IsDBNull(9) ? null : (byte[])r.GetValue(9),
    };
}
