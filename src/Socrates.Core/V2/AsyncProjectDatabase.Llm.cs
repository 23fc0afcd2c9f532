using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    private static readonly string s_minTime = PyDateTime.ToStorage(DateTime.MinValue);
    private static readonly string s_maxTime = PyDateTime.ToStorage(DateTime.MaxValue);

    /// <summary>Inserts or replaces (by id) a provider config; (user, provider) is unique.</summary>
    public async Task SaveLlmProviderConfigAsync(LlmProviderConfig config, CancellationToken cancellationToken = default)
    {
        string? settings = null, extras = null;
        await RunAsync(config?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var p = config!;
            return c.Command(LlmSql.UpsertConfig, tx).With("$id", p.Id).With("$user_id", p.UserId).With("$provider", p.Provider)
                .WithBool("$is_default", p.IsDefault).WithBool("$enabled", p.Enabled).WithTime("$created_at", p.CreatedAt)
                .WithTime("$updated_at", p.UpdatedAt).With("$settings_json", settings).With("$extras_json", extras).ExecuteNonQuery();
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveLlmProviderConfigAsync);
            if (config is null)
            {
                throw new Validation.ValidationException(op, null, "config", "is required (null given).");
            }

            _validate.Identifier(op, "id", config.Id);
            _validate.Identifier(op, "user_id", config.UserId);
            _validate.Identifier(op, "provider", config.Provider);
            settings = _validate.Json(op, config.Id, "settings", config.Settings);
            extras = _validate.Json(op, config.Id, "extras", config.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveLlmProviderConfigAsync), "llm_provider_config", config!.Id);
    }

    /// <summary>The user's config for a provider, or null.</summary>
    public Task<LlmProviderConfig?> LoadLlmProviderConfigAsync(string userId, string provider, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            using var reader = c.Command(LlmSql.LoadConfig).With("$user_id", userId).With("$provider", provider).ExecuteReader();
            return reader.Read() ? ReadConfig(reader) : null;
        }, cancellationToken, () =>
        {
            _validate.Identifier(nameof(LoadLlmProviderConfigAsync), "user_id", userId);
            _validate.Identifier(nameof(LoadLlmProviderConfigAsync), "provider", provider);
        });

    /// <summary>All of a user's provider configs by provider.</summary>
    public Task<List<LlmProviderConfig>> GetUserLlmProviderConfigsAsync(string userId, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            var list = new List<LlmProviderConfig>();
            using var reader = c.Command(LlmSql.UserConfigs).With("$user_id", userId).ExecuteReader();
            while (reader.Read())
            {
                list.Add(ReadConfig(reader));
            }

            return list;
        }, cancellationToken, () => _validate.Identifier(nameof(GetUserLlmProviderConfigsAsync), "user_id", userId));

    /// <summary>Deletes a provider config by id. False when absent.</summary>
    public async Task<bool> DeleteLlmProviderConfigAsync(string id, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(id, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(LlmSql.DeleteConfig, tx).With("$id", id).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteLlmProviderConfigAsync), "id", id)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteLlmProviderConfigAsync), "llm_provider_config", id);
        }

        return deleted;
    }

    /// <summary>Inserts or replaces (by id) an API key; (user, provider) is unique.</summary>
    public async Task SaveApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        await RunAsync(key?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var k = key!;
            return c.Command(LlmSql.UpsertKey, tx).With("$id", k.Id).With("$user_id", k.UserId).With("$provider", k.Provider)
                .With("$encrypted_key", k.EncryptedKey).With("$key_hash", k.KeyHash).WithTime("$created_at", k.CreatedAt)
                .WithTime("$updated_at", k.UpdatedAt).WithTime("$last_used_at", k.LastUsedAt).ExecuteNonQuery();
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveApiKeyAsync);
            if (key is null)
            {
                throw new Validation.ValidationException(op, null, "key", "is required (null given).");
            }

            _validate.Identifier(op, "id", key.Id);
            _validate.Identifier(op, "user_id", key.UserId);
            _validate.Identifier(op, "provider", key.Provider);
            _validate.Text(op, key.Id, "encrypted_key", key.EncryptedKey);
            _validate.Text(op, key.Id, "key_hash", key.KeyHash, _options.MaxNameLength);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveApiKeyAsync), "api_key", key!.Id);
    }

    /// <summary>The user's key for a provider, or null.</summary>
    public Task<ApiKey?> LoadApiKeyAsync(string userId, string provider, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            using var reader = c.Command(LlmSql.LoadKey).With("$user_id", userId).With("$provider", provider).ExecuteReader();
            return reader.Read() ? ReadKey(reader) : null;
        }, cancellationToken, () =>
        {
            _validate.Identifier(nameof(LoadApiKeyAsync), "user_id", userId);
            _validate.Identifier(nameof(LoadApiKeyAsync), "provider", provider);
        });

    /// <summary>All of a user's keys by provider.</summary>
    public Task<List<ApiKey>> GetUserApiKeysAsync(string userId, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            var list = new List<ApiKey>();
            using var reader = c.Command(LlmSql.UserKeys).With("$user_id", userId).ExecuteReader();
            while (reader.Read())
            {
                list.Add(ReadKey(reader));
            }

            return list;
        }, cancellationToken, () => _validate.Identifier(nameof(GetUserApiKeysAsync), "user_id", userId));

    /// <summary>Deletes the user's key for a provider. False when absent.</summary>
    public async Task<bool> DeleteApiKeyAsync(string userId, string provider, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(userId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(LlmSql.DeleteKey, tx).With("$user_id", userId).With("$provider", provider).ExecuteNonQuery() > 0),
            cancellationToken, () =>
            {
                _validate.Identifier(nameof(DeleteApiKeyAsync), "user_id", userId);
                _validate.Identifier(nameof(DeleteApiKeyAsync), "provider", provider);
            }).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteApiKeyAsync), "api_key", $"{userId}/{provider}");
        }

        return deleted;
    }

    /// <summary>Records one LLM call (insert only; a duplicate id is a constraint violation).</summary>
    public async Task SaveLlmUsageAsync(LlmUsageRecord usage, CancellationToken cancellationToken = default)
    {
        string? extras = null;
        await RunAsync(usage?.Id, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var u = usage!;
            return c.Command(LlmSql.InsertUsage, tx).With("$id", u.Id).With("$user_id", u.UserId).With("$provider", u.Provider)
                .With("$model", u.Model).WithTime("$timestamp", u.Timestamp).With("$input_tokens", u.InputTokens)
                .With("$output_tokens", u.OutputTokens).With("$total_tokens", u.TotalTokens).With("$latency_ms", u.LatencyMs)
                .With("$cost", u.Cost).WithBool("$success", u.Success).With("$error_message", u.ErrorMessage)
                .With("$request_id", u.RequestId).With("$extras_json", extras).ExecuteNonQuery();
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveLlmUsageAsync);
            if (usage is null)
            {
                throw new Validation.ValidationException(op, null, "usage", "is required (null given).");
            }

            _validate.Identifier(op, "id", usage.Id);
            _validate.Identifier(op, "user_id", usage.UserId);
            _validate.Identifier(op, "provider", usage.Provider);
            _validate.Identifier(op, "model", usage.Model);
            _validate.Text(op, usage.Id, "error_message", usage.ErrorMessage);
            _validate.Text(op, usage.Id, "request_id", usage.RequestId, _options.MaxNameLength);
            if (usage.InputTokens < 0 || usage.OutputTokens < 0 || usage.TotalTokens < 0)
            {
                throw new Validation.ValidationException(op, usage.Id, "tokens", "token counts cannot be negative.");
            }

            Validation.InputValidator.Finite(op, usage.Id, "latency_ms", usage.LatencyMs);
            Validation.InputValidator.Finite(op, usage.Id, "cost", usage.Cost);
            extras = _validate.Json(op, usage.Id, "extras", usage.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveLlmUsageAsync), "llm_usage", usage!.Id);
    }

    /// <summary>A user's usage in [from, to) (open ends when null), oldest first, at most <paramref name="limit"/>.</summary>
    public Task<List<LlmUsageRecord>> GetUserLlmUsageAsync(string userId, DateTime? from = null, DateTime? to = null, int limit = 1000, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) =>
        {
            var list = new List<LlmUsageRecord>();
            using var reader = c.Command(LlmSql.UserUsage).With("$user_id", userId).With("$from", PyDateTime.ToStorage(from) ?? s_minTime)
                .With("$to", PyDateTime.ToStorage(to) ?? s_maxTime).With("$limit", (long)limit).ExecuteReader();
            while (reader.Read())
            {
                list.Add(ReadUsage(reader));
            }

            return list;
        }, cancellationToken, () =>
        {
            _validate.Identifier(nameof(GetUserLlmUsageAsync), "user_id", userId);
            _validate.Page(nameof(GetUserLlmUsageAsync), userId, 0, limit);
        });

    /// <summary>How many usage records a user has in [from, to).</summary>
    public Task<long> CountUserLlmUsageAsync(string userId, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default) =>
        RunAsync(userId, (c, _) => (long)c.Command(LlmSql.CountUserUsage).With("$user_id", userId)
                .With("$from", PyDateTime.ToStorage(from) ?? s_minTime).With("$to", PyDateTime.ToStorage(to) ?? s_maxTime).ExecuteScalar()!,
            cancellationToken, () => _validate.Identifier(nameof(CountUserLlmUsageAsync), "user_id", userId));

    private static LlmProviderConfig ReadConfig(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserId = r.GetString(1),
        Provider = r.GetString(2),
        IsDefault = r.Flag(3),
        Enabled = r.Flag(4),
        CreatedAt = r.RequiredTime(5),
        UpdatedAt = r.RequiredTime(6),
        Settings = r.JsonDict(7),
        Extras = r.JsonDict(8),
    };

    private static ApiKey ReadKey(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserId = r.GetString(1),
        Provider = r.GetString(2),
        EncryptedKey = r.GetString(3),
        KeyHash = r.GetString(4),
        CreatedAt = r.Time(5),
        UpdatedAt = r.Time(6),
        LastUsedAt = r.Time(7),
    };

    private static LlmUsageRecord ReadUsage(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        UserId = r.GetString(1),
        Provider = r.GetString(2),
        Model = r.GetString(3),
        Timestamp = r.RequiredTime(4),
        InputTokens = r.GetInt64(5),
        OutputTokens = r.GetInt64(6),
        TotalTokens = r.GetInt64(7),
        LatencyMs = r.GetDouble(8),
        Cost = r.GetDouble(9),
        Success = r.Flag(10),
        ErrorMessage = r.Text(11),
        RequestId = r.Text(12),
        Extras = r.JsonDict(13),
    };
}
