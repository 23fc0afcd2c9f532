namespace Socrates.Core.Domain;

/// <summary>How well a question template works for a user (V1 <c>QuestionEffectiveness</c>).</summary>
public sealed class QuestionEffectiveness
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public string QuestionTemplateId { get; set; } = "";

    public string? Role { get; set; }

    public long TimesAsked { get; set; }

    public long TimesAnsweredWell { get; set; }

    public long AverageAnswerLength { get; set; }

    /// <summary>Python <c>Decimal</c>: value and scale are kept (stored as text in V2).</summary>
    public decimal AverageSpecExtractionCount { get; set; }

    public decimal EffectivenessScore { get; set; }

    public DateTime? LastAskedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
