namespace Socrates.Core.Domain;

/// <summary>A Socrates user, every field of V1's <c>User</c> dataclass.</summary>
public sealed class User
{
    public string Username { get; set; } = "";

    public string? Email { get; set; }

    public string PasscodeHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Project ids, in V1's order (not checked against the projects table).</summary>
    public List<string> Projects { get; set; } = [];

    public bool IsArchived { get; set; }

    public DateTime? ArchivedAt { get; set; }

    public string? SubscriptionTier { get; set; } = "free";

    public string? SubscriptionStatus { get; set; } = "active";

    public DateTime? SubscriptionStart { get; set; }

    public DateTime? SubscriptionEnd { get; set; }

    public long QuestionsUsedThisMonth { get; set; }

    public DateTime? UsageResetDate { get; set; }

    public bool TestingMode { get; set; }

    public string? ClaudeAuthMethod { get; set; } = "api_key";

    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
