namespace Socrates.Core.Domain;

/// <summary>One LLM call (V1 <c>LLMUsageRecord</c>).</summary>
public sealed class LlmUsageRecord
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Provider { get; set; } = "";

    public string Model { get; set; } = "";

    public DateTime Timestamp { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long TotalTokens { get; set; }

    public double LatencyMs { get; set; }

    public double Cost { get; set; }

    public bool Success { get; set; } = true;

    public string? ErrorMessage { get; set; }

    public string? RequestId { get; set; }

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
