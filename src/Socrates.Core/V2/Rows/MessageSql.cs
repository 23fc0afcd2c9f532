namespace Socrates.Core.V2.Rows;

/// <summary>
/// Conversation message statements. Positions are dense (0..n-1: saves write them so, appends
/// take max + 1), so a page is a range seek on the (project_id, position) index, not an OFFSET scan.
/// </summary>
internal static class MessageSql
{
    /// <summary>
    /// A message in three columns (see <see cref="MessageRows"/>): the short texts packed as one
    /// JSON array, the content, and timestamp_text | present_keys &lt;&lt; 1 | (content IS NULL) &lt;&lt; 6.
    /// </summary>
    public const string Columns =
        "SELECT json_array(role, type, timestamp, phase, extra_json), content, " +
        "timestamp_text | (present_keys << 1) | ((content IS NULL) << 6) FROM conversation_messages ";

    public const string All = Columns + "WHERE project_id = $id ORDER BY position;";

    public const string Page = Columns + "WHERE project_id = $id AND position >= $offset ORDER BY position LIMIT $limit;";

    public const string Count = "SELECT COUNT(*) FROM conversation_messages WHERE project_id = $id;";

    public const string NextPosition = "SELECT COALESCE(MAX(position) + 1, 0) FROM conversation_messages WHERE project_id = $id;";

    public const string Insert =
        "INSERT INTO conversation_messages (project_id, position, role, type, content, timestamp, timestamp_text, phase, present_keys, extra_json) " +
        "VALUES ($id, $position, $role, $type, $content, $timestamp, $timestamp_text, $phase, $present_keys, $extra_json);";
}
