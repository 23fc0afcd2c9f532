using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Migration.Accounting;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Validation;
using Socrates.Core.Pickle;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Core.V2.Validation;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Judges a V2 database against the V1 file it was migrated from, independently of the copier's
/// own bookkeeping: every V1 row is read again and decoded, and must either come back through the
/// real V2 read path (<see cref="AsyncProjectDatabase"/> loads, turned back into dicts by the domain
/// mappers) with every key it had in V1 (minus the deliberately dropped ones) equal under
/// <see cref="PyValueComparer.Default"/> - conversation messages included, in order - or be in the
/// rejects log. On top: rows V2 holds that V1 does not, per-table accounting from the data,
/// unmapped keys, <c>foreign_key_check</c> and <c>integrity_check</c>.
/// </summary>
public static class V1ToV2Verifier
{
    private const int MaxOffenders = ValidationResult.DefaultMaxOffenders;

    /// <summary>Target table holding one row per migrated V1 row, per V1 table.</summary>
    public static IReadOnlyDictionary<string, string> TargetTables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [V1Schema.Users] = "users",
        [V1Schema.Projects] = "projects",
        [V1Schema.ProjectNotes] = "project_notes",
        [V1Schema.QuestionEffectiveness] = "question_effectiveness",
        [V1Schema.BehaviorPatterns] = "behavior_patterns",
        [V1Schema.KnowledgeDocuments] = "knowledge_documents",
        [V1Schema.LlmProviderConfigs] = "llm_provider_configs",
        [V1Schema.ApiKeys] = "api_keys",
        [V1Schema.LlmUsage] = "llm_usage",
    };

    public static async Task<V1ToV2VerificationReport> VerifyAsync(string v1Path, string v2Path, CancellationToken cancellationToken, PickleDecoderOptions? pickle = null)
    {
        var report = new ValidationReport();
        await using var source = await MigrationConnections.OpenSourceAsync(v1Path, cancellationToken);
        await using var target = await MigrationConnections.OpenTargetAsync(v2Path, TimeSpan.FromSeconds(5), cancellationToken, readOnly: true);
        var rejected = await RejectedIdsAsync(target, cancellationToken);
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = $"Data Source={v1Path};Mode=ReadOnly;Pooling=False" });
        await using var v2 = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions { DatabasePath = v2Path, PoolSize = 2 }, cancellationToken: cancellationToken);
        var usageCache = new Dictionary<string, Dictionary<string, LlmUsageRecord>>(StringComparer.Ordinal);

        long rowsCompared = 0, fieldsCompared = 0, messagesCompared = 0, rowsLost = 0, fieldsLost = 0, extraRows = 0;
        var accounts = new List<TableAccount>();
        var keys = new UnmappedKeyScanner.Tally();
        foreach (var table in V1Schema.TableNames)
        {
            var lost = new List<string>();
            var differing = new List<string>();
            var both = new List<string>();
            long tableRows = 0, tableLost = 0, tableFieldDiffs = 0, tableBoth = 0, found = 0;
            var rejectedHere = rejected.GetValueOrDefault(table) ?? [];
            var dropped = V1ToV2FieldMap.DroppedKeys(table);
            await foreach (var row in store.ReadAllRowsAsync(table, cancellationToken))
            {
                tableRows++;
                var expected = ExpectedDict(row, pickle);
                keys.Add(row, row.Table == V1Schema.ApiKeys ? null : expected);
                var actual = expected is null ? null : await LoadOrNullAsync(v2, table, row, expected, usageCache, cancellationToken);
                var isRejected = rejectedHere.Contains(row.Id);
                if (actual is null)
                {
                    if (!isRejected)
                    {
                        tableLost++;
                        Keep(lost, row.Id);
                    }

                    continue;
                }

                found++;
                if (isRejected)
                {
                    tableBoth++;
                    Keep(both, row.Id);
                }

                rowsCompared++;
                foreach (var (key, value) in expected!)
                {
                    if (dropped.Contains(key))
                    {
                        continue;
                    }

                    fieldsCompared++;
                    if (key == "conversation_history" && value is List<object?> messages)
                    {
                        messagesCompared += messages.Count;
                    }

                    if (!actual.TryGetValue(key, out var back) || !PyValueComparer.Default.Equals(value, back))
                    {
                        tableFieldDiffs++;
                        Keep(differing, $"{row.Id}.{key}");
                    }
                }
            }

            var targetTable = TargetTables[table];
            var targetRows = await CountAsync(target, targetTable, cancellationToken);
            var extra = Math.Max(0, targetRows - found);
            rowsLost += tableLost;
            fieldsLost += tableFieldDiffs;
            extraRows += extra + tableBoth;
            report.Add(new ValidationResult("v1v2-rows", table, tableLost == 0, tableRows, tableLost, lost,
                $"{tableRows} V1 row(s): {found} in V2, {rejectedHere.Count} rejected, {tableLost} neither"));
            report.Add(new ValidationResult("v1v2-id-set", table, extra == 0 && tableBoth == 0, targetRows, extra + tableBoth, both,
                $"{targetRows} V2 row(s), {extra} without a V1 row, {tableBoth} both migrated and rejected"));
            report.Add(new ValidationResult("v1v2-content", table, tableFieldDiffs == 0, found, tableFieldDiffs, differing,
                $"{tableFieldDiffs} V1 field(s) do not come back equal from V2"));
            accounts.Add(new TableAccount(table, tableRows, targetRows, rejectedHere.Count));
        }

        var books = MigrationAccounting.Compute(accounts);
        report.Add(RejectsAccountedValidator.Validate(books));
        var (unmapped, keysChecked) = keys.Summarize();
        report.Add(new ValidationResult("v1v2-unmapped-keys", "field map", unmapped.Count == 0, keysChecked, unmapped.Sum(u => u.Count),
            [.. unmapped.Select(u => $"{u.Entity}.{u.Key} ({string.Join(", ", u.FirstIds)})")], $"{unmapped.Count} key(s) neither mapped nor dropped"));
        report.Add(await ForeignKeyCheckValidator.ValidateAsync(target, cancellationToken));
        report.Add(await IntegrityCheckValidator.ValidateAsync(target, cancellationToken));
        return new V1ToV2VerificationReport(report, rowsCompared, fieldsCompared, messagesCompared, rowsLost, fieldsLost, extraRows,
            books.Mismatches.Count, unmapped.Count);
    }

    private static void Keep(List<string> ids, string id)
    {
        if (ids.Count < MaxOffenders)
        {
            ids.Add(id);
        }
    }

    /// <summary>The V1 row as a dict (the blob, or the api_keys columns as the domain reads them); null when the blob does not decode.</summary>
    private static Dictionary<string, object?>? ExpectedDict(V1RawRow row, PickleDecoderOptions? pickle)
    {
        if (row.Table == V1Schema.ApiKeys)
        {
            try
            {
                var values = new Dictionary<string, object?>(row.Columns, StringComparer.Ordinal) { ["id"] = row.Id };
                return ApiKeyDict.ToDict(V1ToV2Jobs.ApiKeyOf(new SourceRow(row.Id, values)));
            }
            catch (DictMappingException)
            {
                return null;
            }
        }

        try
        {
            return LegacyStore.UnpickleRow(row, pickle);
        }
        catch (LegacyStoreException)
        {
            return null;
        }
    }

    /// <summary>
    /// The row as V2 gives it back, or null when V2 does not hold it. A key V2's input rules refuse
    /// (an id of 101 characters, a NUL) cannot be in V2: the copier rejected that row, so it is
    /// judged like any absent row (accounted when rejected, lost otherwise) instead of stopping the check.
    /// </summary>
    private static async Task<Dictionary<string, object?>?> LoadOrNullAsync(
        AsyncProjectDatabase v2, string table, V1RawRow row, Dictionary<string, object?> v1, Dictionary<string, Dictionary<string, LlmUsageRecord>> usage, CancellationToken ct)
    {
        try
        {
            return await LoadAsync(v2, table, row, v1, usage, ct);
        }
        catch (ValidationException)
        {
            return null;
        }
    }

    private static async Task<Dictionary<string, object?>?> LoadAsync(
        AsyncProjectDatabase v2, string table, V1RawRow row, Dictionary<string, object?> v1, Dictionary<string, Dictionary<string, LlmUsageRecord>> usage, CancellationToken ct)
    {
        string Str(string key) => v1.GetValueOrDefault(key) as string ?? "";
        switch (table)
        {
            case V1Schema.Users:
                return await v2.LoadUserAsync(row.Id, ct) is { } u ? UserDict.ToDict(u) : null;
            case V1Schema.Projects:
                return await v2.LoadProjectAsync(row.Id, ProjectLoad.Full, ct) is { } p ? ProjectContextDict.ToDict(p) : null;
            case V1Schema.ProjectNotes:
                return await v2.LoadNoteAsync(row.Id, ct) is { } n ? ProjectNoteDict.ToDict(n) : null;
            case V1Schema.QuestionEffectiveness:
                return await v2.LoadQuestionEffectivenessAsync(Str("user_id"), Str("question_template_id"), ct) is { } q && q.Id == row.Id
                    ? QuestionEffectivenessDict.ToDict(q) : null;
            case V1Schema.BehaviorPatterns:
                return await v2.LoadBehaviorPatternAsync(Str("user_id"), Str("pattern_type"), ct) is { } b && b.Id == row.Id
                    ? UserBehaviorPatternDict.ToDict(b) : null;
            case V1Schema.KnowledgeDocuments:
                return await v2.LoadKnowledgeDocumentAsync(row.Id, ct) is { } d ? KnowledgeBaseDocumentDict.ToDict(d) : null;
            case V1Schema.LlmProviderConfigs:
                return await v2.LoadLlmProviderConfigAsync(Str("user_id"), Str("provider"), ct) is { } c && c.Id == row.Id
                    ? LlmProviderConfigDict.ToDict(c) : null;
            case V1Schema.ApiKeys:
                return await v2.LoadApiKeyAsync(Str("user_id"), Str("provider"), ct) is { } k && k.Id == row.Id ? ApiKeyDict.ToDict(k) : null;
            case V1Schema.LlmUsage:
                var user = Str("user_id");
                if (!usage.TryGetValue(user, out var records))
                {
                    records = new Dictionary<string, LlmUsageRecord>(StringComparer.Ordinal);
                    foreach (var record in await v2.GetUserLlmUsageAsync(user, limit: 10_000, cancellationToken: ct))
                    {
                        records[record.Id] = record;
                    }

                    usage[user] = records;
                }

                return records.TryGetValue(row.Id, out var r) ? LlmUsageRecordDict.ToDict(r) : null;
            default:
                throw new ArgumentException($"'{table}' is not a V1 table.", nameof(table));
        }
    }

    private static async Task<Dictionary<string, HashSet<string>>> RejectedIdsAsync(SqliteConnection target, CancellationToken ct)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var reject in await RejectLog.ReadAsync(target, null, int.MaxValue, ct))
        {
            if (!result.TryGetValue(reject.SourceTable, out var ids))
            {
                ids = new HashSet<string>(StringComparer.Ordinal);
                result[reject.SourceTable] = ids;
            }

            ids.Add(reject.EntityId);
        }

        return result;
    }

    internal static async Task<long> CountAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {SqliteMigrationExtensions.QuoteIdentifier(table)}";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
