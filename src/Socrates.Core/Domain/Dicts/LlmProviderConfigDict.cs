namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="LlmProviderConfig"/> &lt;-&gt; <c>asdict(...)</c>.</summary>
public static class LlmProviderConfigDict
{
    public static IReadOnlyList<string> Keys { get; } =
        ["id", "provider", "user_id", "is_default", "enabled", "created_at", "updated_at", "settings"];

    public static Dictionary<string, object?> ToDict(LlmProviderConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = c.Id,
            ["provider"] = c.Provider,
            ["user_id"] = c.UserId,
            ["is_default"] = c.IsDefault,
            ["enabled"] = c.Enabled,
            ["created_at"] = c.CreatedAt,
            ["updated_at"] = c.UpdatedAt,
            ["settings"] = c.Settings,
        };
        return DictWriter.WithExtras(dict, c.Extras);
    }

    public static LlmProviderConfig FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(LlmProviderConfig), dict);
        var c = new LlmProviderConfig
        {
            Id = r.RequiredString("id"),
            Provider = r.RequiredString("provider"),
            UserId = r.RequiredString("user_id"),
            IsDefault = r.Bool("is_default", false),
            Enabled = r.Bool("enabled", true),
            CreatedAt = r.RequiredDateTime("created_at", DateTime.MinValue),
            UpdatedAt = r.RequiredDateTime("updated_at", DateTime.MinValue),
            Settings = r.Dict("settings"),
        };
        c.Extras = r.Extras();
        return c;
    }
}
