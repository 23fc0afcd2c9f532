using Socrates.Core.V1;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Reads every blob of every V1 table (streaming, one row in memory) and every key of it (and of
/// each conversation message and team member) against <see cref="V1ToV2FieldMap"/>. A key that is
/// neither mapped, dropped nor preservable in an extras column is reported with its count and
/// first ids. Blobs that do not unpickle are skipped here: the copier rejects them with a reason.
/// </summary>
public static class UnmappedKeyScanner
{
    private const int IdsKept = 5;

    /// <summary>The unmapped keys (empty when the map accounts for everything) and how many keys were checked.</summary>
    public static async Task<(IReadOnlyList<UnmappedKey> Unmapped, long KeysChecked)> ScanAsync(string v1Path, CancellationToken cancellationToken)
    {
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = $"Data Source={v1Path};Mode=ReadOnly;Pooling=False" });
        var tally = new Tally();
        foreach (var table in V1Schema.BlobTables)
        {
            await foreach (var row in store.ReadAllRowsAsync(table, cancellationToken))
            {
                Dictionary<string, object?> dict;
                try
                {
                    dict = LegacyStore.UnpickleRow(row);
                }
                catch (LegacyStoreException)
                {
                    continue;
                }

                tally.Add(row, dict);
            }
        }

        await foreach (var row in store.ReadAllRowsAsync(V1Schema.ApiKeys, cancellationToken))
        {
            tally.Add(row, null);
        }

        return tally.Summarize();
    }

    /// <summary>
    /// The scan fed row by row by a reader that decodes the blobs anyway (the verifier), so each
    /// blob is decoded once for both purposes.
    /// </summary>
    internal sealed class Tally
    {
        private readonly Dictionary<(string Entity, string Key), (long Count, List<string> Ids)> _found = [];
        private long _checked;

        /// <summary>One V1 row: <paramref name="decoded"/> is its blob's dict (null when it does not unpickle: the copier rejects it); api_keys rows are judged by their columns.</summary>
        public void Add(V1RawRow row, Dictionary<string, object?>? decoded)
        {
            if (row.Table == V1Schema.ApiKeys)
            {
                _checked += Check(V1Schema.ApiKeys, row.Id, row.Columns.Keys.Append(V1Schema.KeyColumnOf(V1Schema.ApiKeys)), _found);
                return;
            }

            if (decoded is null)
            {
                return;
            }

            _checked += Check(row.Table, row.Id, decoded, _found);
            if (row.Table == V1Schema.Projects)
            {
                _checked += CheckItems(V1ToV2FieldMap.Messages, row.Id, decoded.GetValueOrDefault("conversation_history"), _found);
                _checked += CheckItems(V1ToV2FieldMap.TeamMembers, row.Id, decoded.GetValueOrDefault("team_members"), _found);
            }
        }

        public (IReadOnlyList<UnmappedKey> Unmapped, long KeysChecked) Summarize() =>
            ([.. _found.Select(f => new UnmappedKey(f.Key.Entity, f.Key.Key, f.Value.Count, f.Value.Ids))
                .OrderBy(k => k.Entity, StringComparer.Ordinal).ThenBy(k => k.Key, StringComparer.Ordinal)], _checked);
    }

    /// <summary>Whether the map accounts for <paramref name="key"/> of <paramref name="entity"/>.</summary>
    public static bool IsAccounted(string entity, string key) =>
        V1ToV2FieldMap.Find(entity, key) is not null
        || (V1ToV2FieldMap.ExtrasColumns.ContainsKey(entity) && !IsKnownDomainKey(entity, key));

    /// <summary>
    /// A key the domain knows (it has a typed property) must be in the map explicitly: only truly
    /// unknown keys may ride along in the extras column.
    /// </summary>
    private static bool IsKnownDomainKey(string entity, string key) => KnownKeys(entity).Contains(key);

    private static IReadOnlyList<string> KnownKeys(string entity) => entity switch
    {
        V1Schema.Users => Domain.Dicts.UserDict.Keys,
        V1Schema.Projects => Domain.Dicts.ProjectContextDict.Keys,
        V1Schema.ProjectNotes => Domain.Dicts.ProjectNoteDict.Keys,
        V1Schema.QuestionEffectiveness => Domain.Dicts.QuestionEffectivenessDict.Keys,
        V1Schema.BehaviorPatterns => Domain.Dicts.UserBehaviorPatternDict.Keys,
        V1Schema.KnowledgeDocuments => Domain.Dicts.KnowledgeBaseDocumentDict.Keys,
        V1Schema.LlmProviderConfigs => Domain.Dicts.LlmProviderConfigDict.Keys,
        V1Schema.LlmUsage => Domain.Dicts.LlmUsageRecordDict.Keys,
        V1Schema.ApiKeys => Domain.Dicts.ApiKeyDict.Keys,
        V1ToV2FieldMap.Messages => ["role", "type", "content", "timestamp", "phase"],
        V1ToV2FieldMap.TeamMembers => ["username", "role", "skills", "joined_at"],
        _ => [],
    };

    private static long CheckItems(string entity, string id, object? items, Dictionary<(string, string), (long, List<string>)> found)
    {
        long count = 0;
        if (items is List<object?> list)
        {
            foreach (var item in list)
            {
                if (item is Dictionary<string, object?> dict)
                {
                    count += Check(entity, id, dict, found);
                }
            }
        }

        return count;
    }

    private static long Check(string entity, string id, Dictionary<string, object?> dict, Dictionary<(string, string), (long, List<string>)> found) =>
        Check(entity, id, dict.Keys, found);

    private static long Check(string entity, string id, IEnumerable<string> keys, Dictionary<(string, string), (long Count, List<string> Ids)> found)
    {
        long count = 0;
        foreach (var key in keys)
        {
            count++;
            if (IsAccounted(entity, key))
            {
                continue;
            }

            if (!found.TryGetValue((entity, key), out var entry))
            {
                entry = (0, []);
            }

            if (entry.Ids.Count < IdsKept && !entry.Ids.Contains(id))
            {
                entry.Ids.Add(id);
            }

            found[(entity, key)] = (entry.Count + 1, entry.Ids);
        }

        return count;
    }
}
