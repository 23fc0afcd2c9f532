namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="QuestionEffectiveness"/> &lt;-&gt; <c>asdict(...)</c>; Decimals stay Decimals.</summary>
public static class QuestionEffectivenessDict
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "id", "user_id", "question_template_id", "role", "times_asked", "times_answered_well",
        "average_answer_length", "average_spec_extraction_count", "effectiveness_score",
        "last_asked_at", "created_at", "updated_at",
    ];

    public static Dictionary<string, object?> ToDict(QuestionEffectiveness q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = q.Id,
            ["user_id"] = q.UserId,
            ["question_template_id"] = q.QuestionTemplateId,
            ["role"] = q.Role,
            ["times_asked"] = q.TimesAsked,
            ["times_answered_well"] = q.TimesAnsweredWell,
            ["average_answer_length"] = q.AverageAnswerLength,
            ["average_spec_extraction_count"] = q.AverageSpecExtractionCount,
            ["effectiveness_score"] = q.EffectivenessScore,
            ["last_asked_at"] = q.LastAskedAt,
            ["created_at"] = q.CreatedAt,
            ["updated_at"] = q.UpdatedAt,
        };
        return DictWriter.WithExtras(dict, q.Extras);
    }

    public static QuestionEffectiveness FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(QuestionEffectiveness), dict);
        var q = new QuestionEffectiveness
        {
            Id = r.RequiredString("id"),
            UserId = r.RequiredString("user_id"),
            QuestionTemplateId = r.RequiredString("question_template_id"),
            Role = r.String("role", null),
            TimesAsked = r.Long("times_asked", 0),
            TimesAnsweredWell = r.Long("times_answered_well", 0),
            AverageAnswerLength = r.Long("average_answer_length", 0),
            AverageSpecExtractionCount = r.Decimal("average_spec_extraction_count", 0m),
            EffectivenessScore = r.Decimal("effectiveness_score", 0m),
            LastAskedAt = r.DateTime("last_asked_at"),
            CreatedAt = r.RequiredDateTime("created_at", DateTime.MinValue),
            UpdatedAt = r.RequiredDateTime("updated_at", DateTime.MinValue),
        };
        q.Extras = r.Extras();
        return q;
    }
}
