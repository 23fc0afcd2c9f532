namespace Socrates.Core.Domain;

/// <summary>
/// An encrypted provider key. V1 keeps it in plain columns (no blob); its timestamps are TEXT,
/// parsed here to naive datetimes.
/// </summary>
public sealed class ApiKey
{
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    public string Provider { get; set; } = "";

    public string EncryptedKey { get; set; } = "";

    public string KeyHash { get; set; } = "";

    public DateTime? CreatedAt { get; set; }

    public DateTime? UpdatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}
