using Microsoft.Data.Sqlite;

namespace Socrates.Core.V1;

/// <summary>api_keys: plain columns, no blob.</summary>
public sealed partial class LegacyStore
{
    private const string ApiKeyColumns = "id, user_id, provider, encrypted_key, key_hash, created_at, updated_at, last_used_at";

    /// <summary><c>INSERT OR REPLACE INTO api_keys</c> (a second key for the same user and provider replaces the first).</summary>
    public Task SaveApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SaveAsync(V1Schema.ApiKeys, key.Id,
        [
            ("id", key.Id),
            ("user_id", key.UserId),
            ("provider", key.Provider),
            ("encrypted_key", key.EncryptedKey),
            ("key_hash", key.KeyHash),
            ("created_at", key.CreatedAt),
            ("updated_at", key.UpdatedAt),
            ("last_used_at", key.LastUsedAt),
        ], cancellationToken);
    }

    public async Task<ApiKeyRecord?> LoadApiKeyAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        var keys = await QueryApiKeysAsync(id, $"SELECT {ApiKeyColumns} FROM api_keys WHERE id = $value", id, cancellationToken);
        return keys.Count == 0 ? null : keys[0];
    }

    public Task<IReadOnlyList<ApiKeyRecord>> GetUserApiKeysAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return QueryApiKeysAsync(null, $"SELECT {ApiKeyColumns} FROM api_keys WHERE user_id = $value ORDER BY rowid", userId, cancellationToken);
    }

    public Task<bool> DeleteApiKeyAsync(string id, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.ApiKeys, id, cancellationToken);

    private Task<IReadOnlyList<ApiKeyRecord>> QueryApiKeysAsync(string? id, string sql, string value, CancellationToken cancellationToken) =>
        WithCommandAsync<IReadOnlyList<ApiKeyRecord>>(V1Schema.ApiKeys, id, sql, p => p.AddWithValue("$value", value), async command =>
        {
            var keys = new List<ApiKeyRecord>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(new ApiKeyRecord(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    Text(reader, 5), Text(reader, 6), Text(reader, 7)));
            }

            return keys;
        }, cancellationToken);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
