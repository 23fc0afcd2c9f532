namespace Socrates.Core.V2.Rows;

/// <summary>
/// Conversation message statements. Positions are dense (0..n-1: saves write them so, appends
/// take max + 1), so a page is a range seek on the (project_id, position) index, not an OFFSET scan.
/// </summary>
internal static class MessageSql
{
    public const string Columns =
        "SELECT position, role, type, content, timestamp, timestamp_text, phase, present_keys, extra_json FROM conversation_messages ";

    public const string All = Columns + "WHERE project_id = $id ORDER BY position;";

    public const string Page = Columns + "WHERE project_id = $id AND position >= $offset ORDER BY position LIMIT $limit;";

    public const string Count = "SELECT COUNT(*) FROM conversation_messages WHERE project_id = $id;";

    public const string NextPosition = "SELECT COALESCE(MAX(position) + 1, 0) FROM conversation_messages WHERE project_id = $id;";

    public const string Insert =
        "INSERT INTO conversation_messages (project_id, position, role, type, content, timestamp, timestamp_text, phase, present_keys, extra_json) " +
        "VALUES ($id, $position, $role, $type, $content, $timestamp, $timestamp_text, $phase, $present_keys, $extra_json);";
}
