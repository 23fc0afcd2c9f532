using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    /// <summary>
    /// Inserts or replaces (by id) a question-effectiveness record; another id with the same
    /// (user, template) is a <see cref="Errors.ConstraintViolationException"/> (V1's INSERT OR
    /// REPLACE silently deleted the other row; V2 refuses to).
    /// </summary>
    public async Task SaveQuestionEffectivenessAsync(QuestionEffectiveness record, CancellationToken cancellationToken = default)
    {
        string? extras = null;
        await RunAsync(record?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var q = record!;
            return c.Command(LearningSql.UpsertEffectiveness, tx).With("$id", q.Id).With("$user_id", q.UserId)
                .With("$question_template_id", q.QuestionTemplateId).With("$role", q.Role).With("$times_asked", q.TimesAsked)
                .With("$times_answered_well", q.TimesAnsweredWell).With("$average_answer_length", q.AverageAnswerLength)
                .WithDecimal("$average_spec_extraction_count", q.AverageSpecExtractionCount)
                .WithDecimal("$effectiveness_score", q.EffectivenessScore).WithTime("$last_asked_at", q.LastAskedAt)
                .WithTime("$created_at", q.CreatedAt).WithTime("$updated_at", q.UpdatedAt).With("$extras_json", extras).ExecuteNonQuery();
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveQuestionEffectivenessAsync);
            if (record is null)
            {
                throw new Validation.ValidationException(op, null, "record", "is required (null given).");
            }

            _validate.Identifier(op, "id", record.Id);
            _validate.Identifier(op, "user_id", record.UserId);
            _validate.Identifier(op, "question_template_id", record.QuestionTemplateId);
            _validate.Text(op, record.Id, "role", record.Role, _options.MaxNameLength);
            extras = _validate.Json(op, record.Id, "extras", record.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveQuestionEffectivenessAsync), "question_effectiveness", record!.Id);
    }

    /// <summary>The record of (user, template), or null.</summary>
    public Task<QuestionEffectiveness?> LoadQuestionEffectivenessAsync(string userId, string questionTemplateId, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            using var reader = c.Command(LearningSql.LoadEffectiveness).With("$user_id", userId).With("$template_id", questionTemplateId).ExecuteReader();
            return reader.Read() ? ReadEffectiveness(reader) : null;
        }, cancellationToken, () =>
        {
            _validate.Identifier(nameof(LoadQuestionEffectivenessAsync), "user_id", userId);
            _validate.Identifier(nameof(LoadQuestionEffectivenessAsync), "question_template_id", questionTemplateId);
        });

    /// <summary>All of a user's records by template id.</summary>
    public Task<List<QuestionEffectiveness>> GetUserQuestionEffectivenessAsync(string userId, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            var list = new List<QuestionEffectiveness>();
            using var reader = c.Command(LearningSql.UserEffectiveness).With("$user_id", userId).ExecuteReader();
            while (reader.Read())
            {
                list.Add(ReadEffectiveness(reader));
            }

            return list;
        }, cancellationToken, () => _validate.Identifier(nameof(GetUserQuestionEffectivenessAsync), "user_id", userId));

    /// <summary>Deletes a record by id. False when absent.</summary>
    public async Task<bool> DeleteQuestionEffectivenessAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(id, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(LearningSql.DeleteEffectiveness, tx).With("$id", id).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteQuestionEffectivenessAsync), "id", id)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteQuestionEffectivenessAsync), "question_effectiveness", id);
        }

        return deleted;
    }

    /// <summary>Inserts or replaces (by id) a behaviour pattern; (user, type) is unique.</summary>
    public async Task SaveBehaviorPatternAsync(UserBehaviorPattern pattern, CancellationToken cancellationToken = default)
    {
        string? data = null, extras = null;
        await RunAsync(pattern?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var p = pattern!;
            return c.Command(LearningSql.UpsertPattern, tx).With("$id", p.Id).With("$user_id", p.UserId).With("$pattern_type", p.PatternType)
                .With("$pattern_data_json", data).WithDecimal("$confidence", p.Confidence)
                .With("$learned_from_projects_json", SqlValues.StringsJson(p.LearnedFromProjects))
                .WithTime("$learned_at", p.LearnedAt).WithTime("$updated_at", p.UpdatedAt).With("$extras_json", extras).ExecuteNonQuery();
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveBehaviorPatternAsync);
            if (pattern is null)
            {
                throw new Validation.ValidationException(op, null, "pattern", "is required (null given).");
            }

            _validate.Identifier(op, "id", pattern.Id);
            _validate.Identifier(op, "user_id", pattern.UserId);
            _validate.Identifier(op, "pattern_type", pattern.PatternType);
            _validate.IdentifierList(op, pattern.Id, "learned_from_projects", pattern.LearnedFromProjects);
            data = _validate.Json(op, pattern.Id, "pattern_data", pattern.PatternData);
            extras = _validate.Json(op, pattern.Id, "extras", pattern.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveBehaviorPatternAsync), "behavior_pattern", pattern!.Id);
    }

    /// <summary>The user's pattern of that type, or null.</summary>
    public Task<UserBehaviorPattern?> LoadBehaviorPatternAsync(string userId, string patternType, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            using var reader = c.Command(LearningSql.LoadPattern).With("$user_id", userId).With("$pattern_type", patternType).ExecuteReader();
            return reader.Read() ? ReadPattern(reader) : null;
        }, cancellationToken, () =>
        {
            _validate.Identifier(nameof(LoadBehaviorPatternAsync), "user_id", userId);
            _validate.Identifier(nameof(LoadBehaviorPatternAsync), "pattern_type", patternType);
        });

    /// <summary>All of a user's patterns by type.</summary>
    public Task<List<UserBehaviorPattern>> GetUserBehaviorPatternsAsync(string userId, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            var list = new List<UserBehaviorPattern>();
            using var reader = c.Command(LearningSql.UserPatterns).With("$user_id", userId).ExecuteReader();
            while (reader.Read())
            {
                list.Add(ReadPattern(reader));
            }

            return list;
        }, cancellationToken, () => _validate.Identifier(nameof(GetUserBehaviorPatternsAsync), "user_id", userId));

    /// <summary>Deletes a pattern by id. False when absent.</summary>
    public async Task<bool> DeleteBehaviorPatternAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(id, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(LearningSql.DeletePattern, tx).With("$id", id).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteBehaviorPatternAsync), "id", id)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteBehaviorPatternAsync), "behavior_pattern", id);
        }

        return deleted;
    }

    private static QuestionEffectiveness ReadEffectiveness(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserId = r.GetString(1),
        QuestionTemplateId = r.GetString(2),
        Role = r.Text(3),
        TimesAsked = r.GetInt64(4),
        TimesAnsweredWell = r.GetInt64(5),
        AverageAnswerLength = r.GetInt64(6),
        AverageSpecExtractionCount = r.Decimal(7),
        EffectivenessScore = r.Decimal(8),
        LastAskedAt = r.Time(9),
        CreatedAt = r.RequiredTime(10),
        UpdatedAt = r.RequiredTime(11),
        Extras = r.JsonDict(12),
    };

    private static UserBehaviorPattern ReadPattern(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserId = r.GetString(1),
        PatternType = r.GetString(2),
        PatternData = r.JsonDict(3),
        Confidence = r.Decimal(4),
        LearnedFromProjects = r.JsonStrings(5),
        LearnedAt = r.RequiredTime(6),
        UpdatedAt = r.RequiredTime(7),
        Extras = r.JsonDict(8),
    };
}
