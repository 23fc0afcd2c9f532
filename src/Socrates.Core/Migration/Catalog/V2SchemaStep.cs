using Socrates.Core.Migration.Steps;
using Socrates.Core.V2.Schema;

namespace Socrates.Core.Migration.Catalog;

/// <summary>
/// The V2 schema as a registered migration step: its SQL is the V2 code's own DDL
/// (<see cref="SchemaSql.Create"/>), so the checksum recorded in <c>schema_history</c> is that of the
/// script a database was built with, and a changed script is refused on the next run. The footprint
/// is declared here from separate sources (the V2 table list <see cref="SchemaSql.Tables"/>, the
/// indexes and the foreign-key parents below) and cross-checked against the DDL by
/// <see cref="SqlMigrationStep"/>: a table or index added to the script without being declared
/// (or the reverse) fails at registration, before any database is touched.
/// </summary>
public static class V2SchemaStep
{
    /// <summary>The step's version: the first after the bookkeeping steps 1-4.</summary>
    public const int Version = 5;

    /// <summary>The V2 indexes: table, index, indexed columns.</summary>
    private static readonly (string Table, string Index, string[] Columns)[] s_indexes =
    [
        ("projects", "ix_projects_owner", ["owner"]),
        ("projects", "ix_projects_owner_archived", ["owner", "is_archived"]),
        ("projects", "ix_projects_name", ["name"]),
        ("project_collaborators", "ix_project_collaborators_user", ["username"]),
        ("team_members", "ix_team_members_user", ["username"]),
        ("project_notes", "ix_project_notes_project", ["project_id", "created_at"]),
        ("knowledge_documents", "ix_knowledge_documents_project", ["project_id"]),
        ("knowledge_documents", "ix_knowledge_documents_user", ["user_id"]),
        ("llm_usage", "ix_llm_usage_user_time", ["user_id", "timestamp"]),
    ];

    /// <summary>The columns other V2 tables reference by foreign key.</summary>
    private static readonly (string Table, string Column)[] s_referenced =
    [
        ("users", "username"),
        ("projects", "project_id"),
        ("knowledge_documents", "id"),
    ];

    /// <summary>The declared footprint: creates every V2 table and index; reads what the indexes and foreign keys name.</summary>
    public static MigrationFootprint Footprint { get; } = MigrationFootprint.Of(
        creates: [.. SchemaSql.Tables.Select(SchemaObject.ForTable), .. s_indexes.Select(i => SchemaObject.ForIndex(i.Table, i.Index))],
        reads:
        [
            .. s_indexes.Select(i => SchemaObject.ForTable(i.Table)),
            .. s_indexes.SelectMany(i => i.Columns.Select(c => SchemaObject.ForColumn(i.Table, c))),
            .. s_referenced.Select(r => SchemaObject.ForTable(r.Table)),
            .. s_referenced.Select(r => SchemaObject.ForColumn(r.Table, r.Column)),
        ]);

    /// <summary>The step (a new instance each call; the catalog registers one).</summary>
    public static SqlMigrationStep Create() => Create(SchemaSql.Create);

    /// <summary>The step over other SQL text (tests: a changed script must be refused by databases that applied the original).</summary>
    internal static SqlMigrationStep Create(string sql) =>
        new(Version, $"V2 schema (normalized, schema_version {SchemaSql.Version}): {SchemaSql.Tables.Count} tables and their indexes", sql, Footprint);
}
