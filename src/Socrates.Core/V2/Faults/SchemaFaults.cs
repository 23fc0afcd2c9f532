using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.V2.Schema;

namespace Socrates.Core.V2.Faults;

/// <summary>
/// The canaries of the schema, as the two points where <see cref="SchemaManager"/> asks: which
/// journal mode the file takes, and what happens once the schema is committed. They run once per
/// opened database; off (one field read each), the file is switched to WAL and the committed
/// schema is left as <see cref="SchemaSql"/> made it.
/// </summary>
internal static class SchemaFaults
{
    // The defect of v2.schema.drop-owner-index: GetUserProjects scans projects instead of seeking.
    private const string DropOwnerIndexes = "DROP INDEX IF EXISTS ix_projects_owner; DROP INDEX IF EXISTS ix_projects_owner_archived;";

    // The defect of v2.schema.content-index: a needless index duplicating every message's text.
    private const string CreateContentIndex = "CREATE INDEX IF NOT EXISTS ix_canary_messages_content ON conversation_messages (project_id, content);";

    /// <summary>False under <see cref="V2Failpoints.SchemaNoWal"/>: the file stays in rollback-journal mode.</summary>
    public static bool UsesWal => !Failpoint.IsActive(V2Failpoints.SchemaNoWal);

    /// <summary>
    /// Changes the committed schema under <see cref="V2Failpoints.SchemaDropOwnerIndex"/> (the owner
    /// indexes dropped) and <see cref="V2Failpoints.SchemaContentIndex"/> (an index on message text added).
    /// </summary>
    public static void AfterCreate(SqliteConnection connection)
    {
        if (Failpoint.IsActive(V2Failpoints.SchemaDropOwnerIndex))
        {
            Execute(connection, DropOwnerIndexes);
        }

        if (Failpoint.IsActive(V2Failpoints.SchemaContentIndex))
        {
            Execute(connection, CreateContentIndex);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
