using Socrates.Core.Sql;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Domain.Values;
using Socrates.Core.V1;
using Socrates.Testing.Generators;

namespace Socrates.Testing.Integrity;

/// <summary>
/// Writes a realistic V1 database from a fixed seed, through <see cref="LegacyStore"/> (the Python
/// app's own save path: pickled dicts, INSERT OR REPLACE, its column extraction), streaming user
/// by user so size is bounded by one user's data. Project blobs drift like real ones (late fields
/// missing, unknown legacy keys). <see cref="V1GenerationOptions.BadShare"/> of the projects carry
/// one defect each (invalid phase, unknown owner, overlong name, unpicklable blob) and the same
/// share of the other blob rows an unpicklable blob; all of them are listed in the result.
/// </summary>
public static class V1DatabaseGenerator
{
    private static readonly byte[] s_garbage = [0x80, 0x04, 0x95, 0xff, 0x00, 0x13, 0x37, 0x2e];

    public static async Task<V1GenerationResult> GenerateAsync(string path, V1GenerationOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options.Validate();
        if (File.Exists(path))
        {
            throw new IOException($"'{path}' exists; generate-v1 writes a new file only.");
        }

        var generator = new SocratesDataGenerator(options.Seed);
        var bad = new Random(options.Seed ^ 0x5EED);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, ForeignKeys = false }.ToString();
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = connectionString });
        await store.InitializeAsync(cancellationToken);
        await using (var wal = new SqliteConnection(connectionString))
        {
            await wal.OpenAsync(cancellationToken);
            await using var command = wal.CreateCommand();
            // The pooled connection keeps these settings, and the store's saves reuse it (one at a
            // time): a generated file needs no fsync per row. The file is switched back to a
            // rollback journal and checkpointed at the end, like a V1 file.
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var defects = new List<(string, string, V1DefectKind)>();
        var shape = new ProjectShape(Messages: options.MessagesPerProject, TeamMembers: 2, ListItems: 3, Collaborators: 1);
        var corrupt = new List<(string Table, string Key, string Id)>();
        for (var u = 0; u < options.Users; u++)
        {
            var user = generator.User();
            var projects = options.Projects / options.Users + (u < options.Projects % options.Users ? 1 : 0);
            for (var i = 0; i < projects; i++)
            {
                var project = generator.Project(user.Username, shape);
                user.Projects.Add(project.ProjectId);
                var dict = SocratesDataGenerator.V1ProjectDict(project, generator.RandomDrift());
                if (bad.NextDouble() < options.BadShare)
                {
                    var kind = (V1DefectKind)bad.Next(4);
                    switch (kind)
                    {
                        case V1DefectKind.InvalidPhase:
                            dict["phase"] = "brainstorming";
                            break;
                        case V1DefectKind.UnknownOwner:
                            dict["owner"] = "ghost_" + project.ProjectId;
                            break;
                        case V1DefectKind.OverlongName:
                            dict["name"] = new string('n', 201 + bad.Next(50));
                            break;
                        default:
                            corrupt.Add((V1Schema.Projects, "project_id", project.ProjectId));
                            break;
                    }

                    defects.Add((V1Schema.Projects, project.ProjectId, kind));
                }

                await store.SaveProjectAsync(project.ProjectId, dict, cancellationToken);
                for (var n = 0; n < 2; n++)
                {
                    var note = generator.Note(project.ProjectId, user.Username);
                    await store.SaveNoteAsync(note.NoteId, note.ProjectId, ProjectNoteDict.ToDict(note), cancellationToken);
                    MaybeCorrupt(V1Schema.ProjectNotes, "note_id", note.NoteId);
                }

                var document = generator.KnowledgeDocument(project.ProjectId, user.Username);
                await store.SaveKnowledgeDocumentAsync(document.Id, KnowledgeBaseDocumentDict.ToDict(document), cancellationToken);
            }

            await store.SaveUserAsync(user.Username, SocratesDataGenerator.V1UserDict(user), cancellationToken);
            var effectiveness = generator.QuestionEffectiveness(user.Username);
            await store.SaveQuestionEffectivenessAsync(effectiveness.Id, QuestionEffectivenessDict.ToDict(effectiveness), cancellationToken);
            var pattern = generator.BehaviorPattern(user.Username);
            await store.SaveBehaviorPatternAsync(pattern.Id, UserBehaviorPatternDict.ToDict(pattern), cancellationToken);
            var config = generator.ProviderConfig(user.Username);
            await store.SaveLlmProviderConfigAsync(config.Id, LlmProviderConfigDict.ToDict(config), cancellationToken);
            var key = generator.ApiKey(user.Username, config.Provider);
            await store.SaveApiKeyAsync(new ApiKeyRecord(key.Id, key.UserId, key.Provider, key.EncryptedKey, key.KeyHash,
                Iso(key.CreatedAt), Iso(key.UpdatedAt), Iso(key.LastUsedAt)), cancellationToken);
            for (var r = 0; r < 3; r++)
            {
                var usage = generator.Usage(user.Username);
                await store.SaveLlmUsageAsync(usage.Id, LlmUsageRecordDict.ToDict(usage), cancellationToken);
                MaybeCorrupt(V1Schema.LlmUsage, "id", usage.Id);
            }
        }

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var (table, keyColumn, id) in corrupt)
            {
                await using var update = connection.CreateCommand();
                update.CommandText = $"UPDATE {SqlIdentifier.Quote(table)} SET data = $garbage WHERE {SqlIdentifier.Quote(keyColumn)} = $id";
                update.Parameters.AddWithValue("$garbage", s_garbage);
                update.Parameters.AddWithValue("$id", id);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in V1Schema.TableNames)
        {
            counts[table] = await store.CountRowsAsync(table, cancellationToken);
        }

        SqliteConnection.ClearAllPools();
        return new V1GenerationResult(Path.GetFullPath(path), counts, defects);

        static string? Iso(DateTime? value) => value is { } v ? PyDateTime.ToIsoFormat(v) : null;

        void MaybeCorrupt(string table, string keyColumn, string id)
        {
            if (bad.NextDouble() < options.BadShare / 2)
            {
                corrupt.Add((table, keyColumn, id));
                defects.Add((table, id, V1DefectKind.UnpicklableBlob));
            }
        }
    }
}
