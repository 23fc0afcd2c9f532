namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="UserBehaviorPattern"/> &lt;-&gt; <c>asdict(...)</c>.</summary>
public static class UserBehaviorPatternDict
{
    public static IReadOnlyList<string> Keys { get; } =
        ["id", "user_id", "pattern_type", "pattern_data", "confidence", "learned_from_projects", "learned_at", "updated_at"];

    public static Dictionary<string, object?> ToDict(UserBehaviorPattern p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = p.Id,
            ["user_id"] = p.UserId,
            ["pattern_type"] = p.PatternType,
            ["pattern_data"] = p.PatternData,
            ["confidence"] = p.Confidence,
            ["learned_from_projects"] = DictWriter.Strings(p.LearnedFromProjects),
            ["learned_at"] = p.LearnedAt,
            ["updated_at"] = p.UpdatedAt,
        };
        return DictWriter.WithExtras(dict, p.Extras);
    }

    public static UserBehaviorPattern FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(UserBehaviorPattern), dict);
        var p = new UserBehaviorPattern
        {
            Id = r.RequiredString("id"),
            UserId = r.RequiredString("user_id"),
            PatternType = r.RequiredString("pattern_type"),
            PatternData = r.Dict("pattern_data"),
            Confidence = r.Decimal("confidence", 0m),
            LearnedFromProjects = r.StringList("learned_from_projects"),
            LearnedAt = r.RequiredDateTime("learned_at", DateTime.MinValue),
            UpdatedAt = r.RequiredDateTime("updated_at", DateTime.MinValue),
        };
        p.Extras = r.Extras();
        return p;
    }
}
