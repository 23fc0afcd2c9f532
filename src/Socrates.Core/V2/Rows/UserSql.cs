namespace Socrates.Core.V2.Rows;

/// <summary>User statements (constants; values are parameters).</summary>
internal static class UserSql
{
    public const string Upsert =
        "INSERT INTO users (username, email, passcode_hash, created_at, is_archived, archived_at, subscription_tier, " +
        "subscription_status, subscription_start, subscription_end, questions_used_this_month, usage_reset_date, " +
        "testing_mode, claude_auth_method, extras_json) VALUES ($username, $email, $passcode_hash, $created_at, " +
        "$is_archived, $archived_at, $subscription_tier, $subscription_status, $subscription_start, $subscription_end, " +
        "$questions_used_this_month, $usage_reset_date, $testing_mode, $claude_auth_method, $extras_json) " +
        "ON CONFLICT (username) DO UPDATE SET email = excluded.email, passcode_hash = excluded.passcode_hash, " +
        "created_at = excluded.created_at, is_archived = excluded.is_archived, archived_at = excluded.archived_at, " +
        "subscription_tier = excluded.subscription_tier, subscription_status = excluded.subscription_status, " +
        "subscription_start = excluded.subscription_start, subscription_end = excluded.subscription_end, " +
        "questions_used_this_month = excluded.questions_used_this_month, usage_reset_date = excluded.usage_reset_date, " +
        "testing_mode = excluded.testing_mode, claude_auth_method = excluded.claude_auth_method, extras_json = excluded.extras_json;";

    public const string DeleteProjects = "DELETE FROM user_projects WHERE username = $username;";

    public const string InsertProject = "INSERT INTO user_projects (username, position, project_id) VALUES ($username, $position, $project_id);";

    public const string Columns =
        "SELECT username, email, passcode_hash, created_at, is_archived, archived_at, subscription_tier, subscription_status, " +
        "subscription_start, subscription_end, questions_used_this_month, usage_reset_date, testing_mode, claude_auth_method, " +
        "extras_json FROM users ";

    public const string Load = Columns + "WHERE username = $username;";

    public const string LoadAll = Columns + "WHERE ($all = 1 OR is_archived = 0) ORDER BY username;";

    public const string Projects = "SELECT project_id FROM user_projects WHERE username = $username ORDER BY position;";

    public const string AllProjects =
        "SELECT u.username, u.project_id FROM user_projects u JOIN users s ON s.username = u.username " +
        "WHERE ($all = 1 OR s.is_archived = 0) ORDER BY u.username, u.position;";

    public const string Delete = "DELETE FROM users WHERE username = $username;";

    public const string Exists = "SELECT EXISTS (SELECT 1 FROM users WHERE username = $username);";

    public const string Count = "SELECT COUNT(*) FROM users WHERE ($all = 1 OR is_archived = 0);";

    public const string Archive = "UPDATE users SET is_archived = 1, archived_at = $at WHERE username = $username;";

    public const string Restore = "UPDATE users SET is_archived = 0, archived_at = NULL WHERE username = $username;";
}
