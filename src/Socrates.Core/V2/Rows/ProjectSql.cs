namespace Socrates.Core.V2.Rows;

/// <summary>
/// The project statements. Every statement is a compile-time constant (const concatenation
/// only); values always travel as parameters. A load is one statement (see <see cref="Select"/>):
/// no N+1, the same shape for one project or a user's thousand.
/// </summary>
internal static class ProjectSql
{
    /// <summary>
    /// <c>x.score</c> as text that parses back to the same double: SQLite's <c>quote()</c> is
    /// round-trip exact except that it prints -0.0 as 0.0, so negative zero (atan2(0, -0.0) = pi)
    /// is spelled out.
    /// </summary>
    public const string ExactReal = "CASE WHEN x.score = 0 AND atan2(0, x.score) > 0 THEN '-0.0' ELSE quote(x.score) END";

    /// <summary>
    /// The project row, its details and every child list as JSON arrays built by correlated
    /// subqueries: one statement per load, so a point load costs one index seek per table and no
    /// extra round trips, and a single statement is a consistent snapshot without an explicit
    /// transaction. Scores travel as exact text (<see cref="ExactReal"/>).
    /// <para>Each list is aggregated from a subquery ordered by position, not with an ordered aggregate
    /// (<c>json_group_array(v ORDER BY position)</c>): SQLite builds an ordered aggregate's input
    /// in an ephemeral table, seven per load, and each one allocates and frees a page cache.
    /// That was half of a load's SQLite time, and on two cores the frees' heap trims
    /// (<c>madvise</c>, a TLB shootdown on every core running the process) made two concurrent
    /// readers load fewer projects per second than one (docs/stress.md, "Reader scaling"). The
    /// child tables are WITHOUT ROWID keyed (project_id, position), so the ordered subquery is
    /// a range of the primary key read in order, and SQLite keeps a subquery's ORDER BY when an
    /// order-sensitive aggregate consumes it.</para>
    /// </summary>
    public const string Select =
        "SELECT p.project_id, p.owner, p.name, p.phase, p.status, p.progress, p.is_archived, p.archived_at, " +
        "p.is_system_project, p.created_at, p.updated_at, p.version, " +
        "d.description, d.goals, d.team_structure, d.language_preferences, d.deployment_target, d.code_style, " +
        "d.chat_mode, d.project_type, d.system_project_type, d.overall_maturity, d.repository_url, " +
        "d.repository_owner, d.repository_name, d.repository_description, d.repository_language, " +
        "d.repository_imported_at, d.repository_file_count, d.repository_has_tests, d.pending_questions_json, " +
        "d.notes_json, d.code_history_json, d.categorized_specs_json, d.maturity_history_json, " +
        "d.analytics_metrics_json, d.llm_configuration_json, d.extras_json, " +
        "(SELECT json_group_array(x.value) FROM " +
        "(SELECT value FROM project_requirements WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(x.value) FROM " +
        "(SELECT value FROM project_tech_stack WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(x.value) FROM " +
        "(SELECT value FROM project_constraints WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(x.username) FROM " +
        "(SELECT username FROM project_collaborators WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(json_array(x.username, x.role, x.skills_json, x.joined_at, x.extras_json)) FROM " +
        "(SELECT username, role, skills_json, joined_at, extras_json FROM team_members WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(json_array(x.phase, " + ExactReal + ")) FROM " +
        "(SELECT phase, score FROM phase_maturity_scores WHERE project_id = p.project_id ORDER BY position) x), " +
        "(SELECT json_group_array(json_array(x.phase, x.category, " + ExactReal + ")) FROM " +
        "(SELECT phase, category, score FROM category_scores WHERE project_id = p.project_id ORDER BY position) x) " +
        "FROM projects p JOIN project_details d ON d.project_id = p.project_id ";

    /// <summary>
    /// The ids of the projects a user can see, V1's <c>get_user_projects</c> rule: owner, listed
    /// collaborator (the deprecated field) or team member; archived only when $all = 1. Each arm
    /// is an index seek (ix_projects_owner_archived, ix_project_collaborators_user,
    /// ix_team_members_user, then the projects primary key), never a scan.
    /// </summary>
    public const string UserSelection =
        "SELECT project_id FROM projects WHERE owner = $user AND ($all = 1 OR is_archived = 0) " +
        "UNION SELECT c.project_id FROM project_collaborators c JOIN projects q ON q.project_id = c.project_id " +
        "WHERE c.username = $user AND ($all = 1 OR q.is_archived = 0) " +
        "UNION SELECT t.project_id FROM team_members t JOIN projects q ON q.project_id = t.project_id " +
        "WHERE t.username = $user AND ($all = 1 OR q.is_archived = 0)";

    public const string LoadOne = Select + "WHERE p.project_id = $id;";

    public const string LoadForUser = Select + "WHERE p.project_id IN (" + UserSelection + ") ORDER BY p.created_at, p.project_id;";

    public const string CountForUser = "SELECT COUNT(*) FROM (" + UserSelection + ");";

    public const string IdByName =
        "SELECT project_id FROM projects WHERE owner = $owner AND name = $name ORDER BY created_at, project_id LIMIT 1;";

    public const string Version = "SELECT version FROM projects WHERE project_id = $id;";

    public const string Exists = "SELECT EXISTS (SELECT 1 FROM projects WHERE project_id = $id);";

    public const string Insert =
        "INSERT INTO projects (project_id, owner, name, phase, status, progress, is_archived, archived_at, " +
        "is_system_project, created_at, updated_at, version) VALUES ($id, $owner, $name, $phase, $status, $progress, " +
        "$is_archived, $archived_at, $is_system_project, $created_at, $updated_at, $version);";

    public const string Update =
        "UPDATE projects SET owner = $owner, name = $name, phase = $phase, status = $status, progress = $progress, " +
        "is_archived = $is_archived, archived_at = $archived_at, is_system_project = $is_system_project, " +
        "created_at = $created_at, updated_at = $updated_at, version = $version WHERE project_id = $id;";

    public const string UpsertDetails =
        "INSERT OR REPLACE INTO project_details (project_id, description, goals, team_structure, language_preferences, " +
        "deployment_target, code_style, chat_mode, project_type, system_project_type, overall_maturity, repository_url, " +
        "repository_owner, repository_name, repository_description, repository_language, repository_imported_at, " +
        "repository_file_count, repository_has_tests, pending_questions_json, notes_json, code_history_json, " +
        "categorized_specs_json, maturity_history_json, analytics_metrics_json, llm_configuration_json, extras_json) " +
        "VALUES ($id, $description, $goals, $team_structure, $language_preferences, $deployment_target, $code_style, " +
        "$chat_mode, $project_type, $system_project_type, $overall_maturity, $repository_url, $repository_owner, " +
        "$repository_name, $repository_description, $repository_language, $repository_imported_at, " +
        "$repository_file_count, $repository_has_tests, $pending_questions_json, $notes_json, $code_history_json, " +
        "$categorized_specs_json, $maturity_history_json, $analytics_metrics_json, $llm_configuration_json, $extras_json);";

    public const string DeleteChildren =
        "DELETE FROM project_requirements WHERE project_id = $id; DELETE FROM project_tech_stack WHERE project_id = $id; " +
        "DELETE FROM project_constraints WHERE project_id = $id; DELETE FROM project_collaborators WHERE project_id = $id; " +
        "DELETE FROM team_members WHERE project_id = $id; DELETE FROM phase_maturity_scores WHERE project_id = $id; " +
        "DELETE FROM category_scores WHERE project_id = $id;";

    public const string DeleteMessages = "DELETE FROM conversation_messages WHERE project_id = $id;";

    public const string InsertRequirement = "INSERT INTO project_requirements (project_id, position, value) VALUES ($id, $position, $value);";
    public const string InsertTech = "INSERT INTO project_tech_stack (project_id, position, value) VALUES ($id, $position, $value);";
    public const string InsertConstraint = "INSERT INTO project_constraints (project_id, position, value) VALUES ($id, $position, $value);";
    public const string InsertCollaborator = "INSERT INTO project_collaborators (project_id, position, username) VALUES ($id, $position, $value);";

    public const string InsertTeamMember =
        "INSERT INTO team_members (project_id, position, username, role, skills_json, joined_at, extras_json) " +
        "VALUES ($id, $position, $username, $role, $skills_json, $joined_at, $extras_json);";

    public const string InsertPhaseScore = "INSERT INTO phase_maturity_scores (project_id, position, phase, score) VALUES ($id, $position, $phase, $score);";

    public const string InsertCategoryScore =
        "INSERT INTO category_scores (project_id, position, phase, category, score) VALUES ($id, $position, $phase, $category, $score);";

    public const string Delete = "DELETE FROM projects WHERE project_id = $id;";

    public const string Archive =
        "UPDATE projects SET is_archived = 1, archived_at = $at, version = version + 1 WHERE project_id = $id;";

    public const string Restore =
        "UPDATE projects SET is_archived = 0, archived_at = NULL, version = version + 1 WHERE project_id = $id;";

    public const string BumpVersion = "UPDATE projects SET version = version + 1 WHERE project_id = $id;";

    public const string Collaborators = "SELECT username FROM project_collaborators WHERE project_id = $id ORDER BY position;";

    public const string HasCollaborator =
        "SELECT EXISTS (SELECT 1 FROM project_collaborators WHERE project_id = $id AND username = $user);";

    public const string NextCollaboratorPosition =
        "SELECT COALESCE(MAX(position) + 1, 0) FROM project_collaborators WHERE project_id = $id;";

    public const string RemoveCollaborator = "DELETE FROM project_collaborators WHERE project_id = $id AND username = $user;";
}
