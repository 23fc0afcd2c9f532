namespace Socrates.Core.V2.Rows;

/// <summary>LLM provider config, API key and usage statements.</summary>
internal static class LlmSql
{
    public const string UpsertConfig =
        "INSERT INTO llm_provider_configs (id, user_id, provider, is_default, enabled, created_at, updated_at, settings_json, extras_json) " +
        "VALUES ($id, $user_id, $provider, $is_default, $enabled, $created_at, $updated_at, $settings_json, $extras_json) " +
        "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, provider = excluded.provider, is_default = excluded.is_default, " +
        "enabled = excluded.enabled, created_at = excluded.created_at, updated_at = excluded.updated_at, " +
        "settings_json = excluded.settings_json, extras_json = excluded.extras_json;";

    public const string ConfigColumns =
        "SELECT id, user_id, provider, is_default, enabled, created_at, updated_at, settings_json, extras_json FROM llm_provider_configs ";

    public const string LoadConfig = ConfigColumns + "WHERE user_id = $user_id AND provider = $provider;";

    public const string UserConfigs = ConfigColumns + "WHERE user_id = $user_id ORDER BY provider;";

    public const string DeleteConfig = "DELETE FROM llm_provider_configs WHERE id = $id;";

    public const string UpsertKey =
        "INSERT INTO api_keys (id, user_id, provider, encrypted_key, key_hash, created_at, updated_at, last_used_at) " +
        "VALUES ($id, $user_id, $provider, $encrypted_key, $key_hash, $created_at, $updated_at, $last_used_at) " +
        "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, provider = excluded.provider, " +
        "encrypted_key = excluded.encrypted_key, key_hash = excluded.key_hash, created_at = excluded.created_at, " +
        "updated_at = excluded.updated_at, last_used_at = excluded.last_used_at;";

    public const string KeyColumns =
        "SELECT id, user_id, provider, encrypted_key, key_hash, created_at, updated_at, last_used_at FROM api_keys ";

    public const string LoadKey = KeyColumns + "WHERE user_id = $user_id AND provider = $provider;";

    public const string UserKeys = KeyColumns + "WHERE user_id = $user_id ORDER BY provider;";

    public const string DeleteKey = "DELETE FROM api_keys WHERE user_id = $user_id AND provider = $provider;";

    public const string InsertUsage =
        "INSERT INTO llm_usage (id, user_id, provider, model, timestamp, input_tokens, output_tokens, total_tokens, latency_ms, " +
        "cost, success, error_message, request_id, extras_json) VALUES ($id, $user_id, $provider, $model, $timestamp, " +
        "$input_tokens, $output_tokens, $total_tokens, $latency_ms, $cost, $success, $error_message, $request_id, $extras_json);";

    public const string UsageColumns =
        "SELECT id, user_id, provider, model, timestamp, input_tokens, output_tokens, total_tokens, latency_ms, cost, success, " +
        "error_message, request_id, extras_json FROM llm_usage ";

    public const string UserUsage =
        UsageColumns + "WHERE user_id = $user_id AND timestamp >= $from AND timestamp < $to ORDER BY timestamp, id LIMIT $limit;";

    public const string CountUserUsage =
        "SELECT COUNT(*) FROM llm_usage WHERE user_id = $user_id AND timestamp >= $from AND timestamp < $to;";
}
