using Socrates.Core.Pickle;
using Socrates.Core.V1;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Reads every blob of every V1 table (streaming, one row in memory) and every key of it (and of
/// each conversation message and team member) against <see cref="V1ToV2FieldMap"/>. A key that is
/// neither mapped, dropped nor preservable in an extras column is reported with its count and
/// first ids. Blobs that do not unpickle are skipped here: the copier rejects them with a reason.
/// The keys are read by <see cref="PickleKeyWalker"/> (no values built); a blob it does not settle
/// itself (a refused or unusual pickle) is decoded in full, so every key of every blob is checked
/// either way.
/// </summary>
public static class UnmappedKeyScanner
{
    private const int IdsKept = 5;

    /// <summary>The unmapped keys (empty when the map accounts for everything) and how many keys were checked.</summary>
    public static async Task<(IReadOnlyList<UnmappedKey> Unmapped, long KeysChecked)> ScanAsync(string v1Path, CancellationToken cancellationToken, PickleDecoderOptions? pickle = null)
    {
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = $"Data Source={v1Path};Mode=ReadOnly;Pooling=False" });
        var tally = new Tally();
        var walker = new PickleKeyWalker();
        foreach (var table in V1Schema.BlobTables)
        {
            await foreach (var row in store.ReadAllRowsAsync(table, cancellationToken))
            {
                if (row.Blob is { } blob && walker.Walk(blob, ItemListKeys) is { } keys)
                {
                    tally.Add(row, keys);
                    continue;
                }

                Dictionary<string, object?> dict;
                try
                {
                    dict = LegacyStore.UnpickleRow(row, pickle);
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
            tally.Add(row, (Dictionary<string, object?>?)null);
        }

        return tally.Summarize();
    }

    /// <summary>The list-valued keys of a project whose items' keys are checked too (conversation messages, team members).</summary>
    internal static readonly string[] ItemListKeys = ["conversation_history", "team_members"];

    /// <summary>
    /// The scan fed row by row by a reader that decodes the blobs anyway (the verifier), so each
    /// blob is decoded once for both purposes.
    /// </summary>
    internal sealed class Tally
    {
        private readonly Findings _found = new();
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
                _checked += CheckItems(V1ToV2FieldMap.Messages, row.Id, decoded.GetValueOrDefault(ItemListKeys[0]), _found);
                _checked += CheckItems(V1ToV2FieldMap.TeamMembers, row.Id, decoded.GetValueOrDefault(ItemListKeys[1]), _found);
            }
        }

        /// <summary>One blob row whose keys <see cref="PickleKeyWalker"/> read (the same keys a full decode would give).</summary>
        public void Add(V1RawRow row, PickleDictKeys keys)
        {
            _checked += Check(row.Table, row.Id, keys.Keys, _found);
            if (row.Table == V1Schema.Projects)
            {
                foreach (var item in keys.ItemsOf(ItemListKeys[0]))
                {
                    _checked += Check(V1ToV2FieldMap.Messages, row.Id, item, _found);
                }

                foreach (var item in keys.ItemsOf(ItemListKeys[1]))
                {
                    _checked += Check(V1ToV2FieldMap.TeamMembers, row.Id, item, _found);
                }
            }
        }

        public (IReadOnlyList<UnmappedKey> Unmapped, long KeysChecked) Summarize() =>
            ([.. _found.Unmapped.Select(f => new UnmappedKey(f.Key.Entity, f.Key.Key, f.Value.Count, f.Value.Ids))
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

    private static long CheckItems(string entity, string id, object? items, Findings found)
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

    private static long Check(string entity, string id, Dictionary<string, object?> dict, Findings found) =>
        Check(entity, id, dict.Keys, found);

    private static long Check(string entity, string id, IEnumerable<string> keys, Findings found)
    {
        long count = 0;
        foreach (var key in keys)
        {
            count++;
            if (found.IsAccounted(entity, key))
            {
                continue;
            }

            if (!found.Unmapped.TryGetValue((entity, key), out var entry))
            {
                entry = (0, []);
            }

            if (entry.Ids.Count < IdsKept && !entry.Ids.Contains(id))
            {
                entry.Ids.Add(id);
            }

            found.Unmapped[(entity, key)] = (entry.Count + 1, entry.Ids);
        }

        return count;
    }

    /// <summary>The unmapped keys found so far, and the map's verdict per (entity, key) asked once per scan (V1 repeats a few keys millions of times).</summary>
    private sealed class Findings
    {
        private readonly Dictionary<(string Entity, string Key), bool> _verdicts = [];

        public Dictionary<(string Entity, string Key), (long Count, List<string> Ids)> Unmapped { get; } = [];

        public bool IsAccounted(string entity, string key)
        {
            if (!_verdicts.TryGetValue((entity, key), out var accounted))
            {
                accounted = UnmappedKeyScanner.IsAccounted(entity, key);
                if (_verdicts.Count < 65_536)
                {
                    _verdicts[(entity, key)] = accounted;
                }
            }

            return accounted;
        }
    }
}
