namespace Socrates.Core.V1;

/// <summary>A row of V1's <c>api_keys</c> table (plain columns, no blob; timestamps as stored, ISO text).</summary>
public sealed record ApiKeyRecord(
    string Id,
    string UserId,
    string Provider,
    string EncryptedKey,
    string KeyHash,
    string? CreatedAt,
    string? UpdatedAt,
    string? LastUsedAt);
