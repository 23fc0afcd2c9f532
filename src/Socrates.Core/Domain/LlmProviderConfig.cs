namespace Socrates.Core.Domain;

/// <summary>A user's settings for one LLM provider (V1 <c>LLMProviderConfig</c>).</summary>
public sealed class LlmProviderConfig
{
    public string Id { get; set; } = "";

    public string Provider { get; set; } = "";

    public string UserId { get; set; } = "";

    public bool IsDefault { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Free dict (pickle value model).</summary>
    public Dictionary<string, object?> Settings { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
