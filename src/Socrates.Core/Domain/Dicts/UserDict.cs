namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="User"/> &lt;-&gt; <c>asdict(user)</c>; defaults as in <see cref="User"/>.</summary>
public static class UserDict
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "username", "email", "passcode_hash", "created_at", "projects", "is_archived", "archived_at",
        "subscription_tier", "subscription_status", "subscription_start", "subscription_end",
        "questions_used_this_month", "usage_reset_date", "testing_mode", "claude_auth_method",
    ];

    public static Dictionary<string, object?> ToDict(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["username"] = user.Username,
            ["email"] = user.Email,
            ["passcode_hash"] = user.PasscodeHash,
            ["created_at"] = user.CreatedAt,
            ["projects"] = DictWriter.Strings(user.Projects),
            ["is_archived"] = user.IsArchived,
            ["archived_at"] = user.ArchivedAt,
            ["subscription_tier"] = user.SubscriptionTier,
            ["subscription_status"] = user.SubscriptionStatus,
            ["subscription_start"] = user.SubscriptionStart,
            ["subscription_end"] = user.SubscriptionEnd,
            ["questions_used_this_month"] = user.QuestionsUsedThisMonth,
            ["usage_reset_date"] = user.UsageResetDate,
            ["testing_mode"] = user.TestingMode,
            ["claude_auth_method"] = user.ClaudeAuthMethod,
        };
        return DictWriter.WithExtras(dict, user.Extras);
    }

    public static User FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(User), dict);
        var d = new User();
        var user = new User
        {
            Username = r.RequiredString("username"),
            Email = r.String("email", null),
            PasscodeHash = r.StringNotNull("passcode_hash", ""),
            CreatedAt = r.RequiredDateTime("created_at", DateTime.MinValue),
            Projects = r.StringList("projects"),
            IsArchived = r.Bool("is_archived", false),
            ArchivedAt = r.DateTime("archived_at"),
            SubscriptionTier = r.String("subscription_tier", d.SubscriptionTier),
            SubscriptionStatus = r.String("subscription_status", d.SubscriptionStatus),
            SubscriptionStart = r.DateTime("subscription_start"),
            SubscriptionEnd = r.DateTime("subscription_end"),
            QuestionsUsedThisMonth = r.Long("questions_used_this_month", 0),
            UsageResetDate = r.DateTime("usage_reset_date"),
            TestingMode = r.Bool("testing_mode", false),
            ClaudeAuthMethod = r.String("claude_auth_method", d.ClaudeAuthMethod),
        };
        user.Extras = r.Extras();
        return user;
    }
}
