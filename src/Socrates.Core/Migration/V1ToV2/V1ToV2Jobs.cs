using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Domain.Values;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Pickle;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Core.V2.Validation;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The copy jobs, in dependency order (users, projects with every child, then the records that
/// point at them). Each mapper turns one V1 row into its V2 rows or into a reject naming the field
/// and the reason: a blob that does not unpickle, a dict the domain mapper refuses (invalid phase,
/// wrong type), an id that differs from the row key, an owner that is not a migrated user, or a
/// V2 input rule (name over 200 characters, ...). Constraint violations on insert (a note of a
/// project that does not exist) are rejected by the copier.
/// </summary>
internal static class V1ToV2Jobs
{
    private static readonly V1ToV2Rows s_rows = new(new AsyncDatabaseOptions());

    /// <summary>Job name prefix: the progress rows of this migrator.</summary>
    public const string Prefix = "v1v2.";

    public static TableCopyJob Users(PickleDecoderOptions? pickle = null) => Blob(V1Schema.Users, UserDict.FromDict, u => u.Username, _ => null, s_rows.User, pickle);

    public static TableCopyJob Projects(IReadOnlySet<string> users, PickleDecoderOptions? pickle = null) => Blob(V1Schema.Projects, ProjectContextDict.FromDict, p => p.ProjectId,
        p => users.Contains(p.Owner) ? null : ("owner", $"owner '{p.Owner}' is not a migrated user"), s_rows.Project, pickle);

    public static TableCopyJob Notes(PickleDecoderOptions? pickle = null) => Blob(V1Schema.ProjectNotes, ProjectNoteDict.FromDict, n => n.NoteId, _ => null, s_rows.Note, pickle);

    public static TableCopyJob Effectiveness(PickleDecoderOptions? pickle = null) =>
        Blob(V1Schema.QuestionEffectiveness, QuestionEffectivenessDict.FromDict, q => q.Id, _ => null, s_rows.Effectiveness, pickle);

    public static TableCopyJob Patterns(PickleDecoderOptions? pickle = null) => Blob(V1Schema.BehaviorPatterns, UserBehaviorPatternDict.FromDict, p => p.Id, _ => null, s_rows.Pattern, pickle);

    public static TableCopyJob Documents(PickleDecoderOptions? pickle = null) => Blob(V1Schema.KnowledgeDocuments, KnowledgeBaseDocumentDict.FromDict, d => d.Id, _ => null, s_rows.Document, pickle);

    public static TableCopyJob ProviderConfigs(PickleDecoderOptions? pickle = null) =>
        Blob(V1Schema.LlmProviderConfigs, LlmProviderConfigDict.FromDict, c => c.Id, _ => null, s_rows.ProviderConfig, pickle);

    public static TableCopyJob Usage(PickleDecoderOptions? pickle = null) => Blob(V1Schema.LlmUsage, LlmUsageRecordDict.FromDict, u => u.Id, _ => null, s_rows.Usage, pickle);

    public static readonly string[] ApiKeyColumns = ["user_id", "provider", "encrypted_key", "key_hash", "created_at", "updated_at", "last_used_at"];

    public static TableCopyJob ApiKeys() => new(Prefix + V1Schema.ApiKeys, V1Schema.ApiKeys, "id", ApiKeyColumns, row => Guard(() =>
    {
        var key = ApiKeyOf(row);
        return RowMapping.Insert(s_rows.Key(key));
    }));

    /// <summary>An api_keys source row as the domain entity (V1 stores isoformat text; V2 stores datetimes).</summary>
    public static ApiKey ApiKeyOf(SourceRow row) => new()
    {
        Id = row.KeyText,
        UserId = Text(row, "user_id") ?? throw new DictMappingException(nameof(ApiKey), "user_id", "is NULL"),
        Provider = Text(row, "provider") ?? throw new DictMappingException(nameof(ApiKey), "provider", "is NULL"),
        EncryptedKey = Text(row, "encrypted_key") ?? throw new DictMappingException(nameof(ApiKey), "encrypted_key", "is NULL"),
        KeyHash = Text(row, "key_hash") ?? throw new DictMappingException(nameof(ApiKey), "key_hash", "is NULL"),
        CreatedAt = Time(row, "created_at"),
        UpdatedAt = Time(row, "updated_at"),
        LastUsedAt = Time(row, "last_used_at"),
    };

    private static string? Text(SourceRow row, string column) => row[column] as string;

    private static DateTime? Time(SourceRow row, string column)
    {
        var text = Text(row, column);
        if (text is null)
        {
            return null;
        }

        return PyDateTime.TryParse(text, out var value)
            ? value
            : throw new DictMappingException(nameof(ApiKey), column, $"'{text}' is not an isoformat datetime");
    }

    private static TableCopyJob Blob<T>(
        string table,
        Func<IReadOnlyDictionary<string, object?>, T> fromDict,
        Func<T, string> idOf,
        Func<T, (string Field, string Reason)?> check,
        Func<T, List<TargetRow>> rows,
        PickleDecoderOptions? pickle) =>
        new(Prefix + table, table, V1Schema.KeyColumnOf(table), ["data"], row => Guard(() =>
        {
            if (row["data"] is string text)
            {
                // A TEXT value where the pickle BLOB belongs (a hand edit, another tool): say so, not "NULL".
                return Refuse("data", $"the data column holds TEXT ({text.Length} characters), not a pickle BLOB", Rejects.RejectLog.Excerpt(text));
            }

            Dictionary<string, object?> dict;
            try
            {
                dict = LegacyStore.UnpickleRow(new V1RawRow(table, row.KeyText, row["data"] as byte[], new Dictionary<string, object?>()), pickle);
            }
            catch (LegacyStoreException error)
            {
                var hint = error.InnerException is PickleFormatException { Code: PickleErrorCode.InputTooLarge }
                    ? " (raise the limit with --max-pickle-mib / V1ToV2Options.MaxPickleBytes if this blob is legitimate)"
                    : "";
                return Refuse("data", "the blob does not unpickle to a dict: " + error.Message + hint,
                    row["data"] is byte[] raw ? Rejects.RejectLog.Excerpt(raw) : "NULL");
            }

            var entity = fromDict(dict);
            var id = idOf(entity);
            if (!string.Equals(id, row.KeyText, StringComparison.Ordinal))
            {
                return Refuse(V1Schema.KeyColumnOf(table), $"the blob's id '{id}' differs from the row key '{row.KeyText}'", null);
            }

            if (check(entity) is { } problem)
            {
                return Refuse(problem.Field, problem.Reason, null);
            }

            return RowMapping.Insert(rows(entity));
        }));

    private static RowMapping Guard(Func<RowMapping> map)
    {
        try
        {
            return map();
        }
        catch (DictMappingException error)
        {
            return Refuse(error.Field, error.Message, null);
        }
        catch (ValidationException error)
        {
            return Refuse(error.Field, error.Message, null);
        }
    }

    /// <summary>A reject; under the swallow canary the row is skipped instead, with no trace.</summary>
    private static RowMapping Refuse(string? field, string reason, string? excerpt) =>
        Failpoint.IsActive(V1ToV2Failpoints.SwallowRowErrors)
            ? RowMapping.Insert(Array.Empty<TargetRow>())
            : RowMapping.Reject(field, reason, excerpt);
}
