namespace Socrates.Core.Domain;

/// <summary>A learned behaviour pattern of a user (V1 <c>UserBehaviorPattern</c>).</summary>
public sealed class UserBehaviorPattern
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public string PatternType { get; set; } = "";

    /// <summary>Free dict (pickle value model).</summary>
    public Dictionary<string, object?> PatternData { get; set; } = new(StringComparer.Ordinal);

    public decimal Confidence { get; set; }

    public List<string> LearnedFromProjects { get; set; } = [];

    public DateTime LearnedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
