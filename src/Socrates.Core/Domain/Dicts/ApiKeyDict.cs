namespace Socrates.Core.Domain.Dicts;

/// <summary>
/// <see cref="ApiKey"/> &lt;-&gt; a dict of V1's <c>api_keys</c> columns (plain columns, no blob:
/// the timestamps arrive as ISO text and are parsed; ToDict gives datetimes).
/// </summary>
public static class ApiKeyDict
{
    public static IReadOnlyList<string> Keys { get; } =
        ["id", "user_id", "provider", "encrypted_key", "key_hash", "created_at", "updated_at", "last_used_at"];

    public static Dictionary<string, object?> ToDict(ApiKey k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = k.Id,
            ["user_id"] = k.UserId,
            ["provider"] = k.Provider,
            ["encrypted_key"] = k.EncryptedKey,
            ["key_hash"] = k.KeyHash,
            ["created_at"] = k.CreatedAt,
            ["updated_at"] = k.UpdatedAt,
            ["last_used_at"] = k.LastUsedAt,
        };
    }

    public static ApiKey FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(ApiKey), dict);
        var key = new ApiKey
        {
            Id = r.RequiredString("id"),
            UserId = r.RequiredString("user_id"),
            Provider = r.RequiredString("provider"),
            EncryptedKey = r.RequiredString("encrypted_key"),
            KeyHash = r.RequiredString("key_hash"),
            CreatedAt = r.DateTime("created_at"),
            UpdatedAt = r.DateTime("updated_at"),
            LastUsedAt = r.DateTime("last_used_at"),
        };
        var extras = r.Extras();
        return extras.Count == 0
            ? key
            : throw r.Fail(extras.Keys.First(), "api_keys has no blob; unknown columns cannot be kept");
    }
}
