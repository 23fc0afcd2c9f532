using System.Reflection;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2;

namespace Socrates.Benchmarks.Projects;

/// <summary>
/// The floor of a V2 point load: one prepared <c>SELECT ... WHERE p.project_id = $id</c> on one
/// open connection to the same V2 file (opened as V2 opens its pool connections: no pooling,
/// foreign keys on, synchronous FULL, the same busy timeout), read into the same record by V2's
/// own row mapper. What V2's <c>LoadProjectAsync(id, ProjectLoad.Metadata)</c> adds on top of it
/// (validation, the pool lease, offloading, timeout, monitor, extra statements) is its overhead.
/// <para>
/// The statement is written here by hand (the same columns, in the order V2's mapper reads them),
/// not taken from V2: a defect in V2's statement (a lost index, an extra round trip) must slow V2
/// and not the floor. The mapper is V2's (internal) <c>ProjectRows.Read</c>, bound once by
/// reflection to a delegate, so the floor builds exactly the record V2 builds; <see cref="VerifyAsync"/>
/// checks in setup that both read the same project.
/// </para>
/// </summary>
public sealed class RawPointLoad : IDisposable
{
    /// <summary>Every metadata column and child list of one project, by primary key.</summary>
    public const string Sql =
        "SELECT p.project_id, p.owner, p.name, p.phase, p.status, p.progress, p.is_archived, p.archived_at, " +
        "p.is_system_project, p.created_at, p.updated_at, p.version, " +
        "d.description, d.goals, d.team_structure, d.language_preferences, d.deployment_target, d.code_style, " +
        "d.chat_mode, d.project_type, d.system_project_type, d.overall_maturity, d.repository_url, " +
        "d.repository_owner, d.repository_name, d.repository_description, d.repository_language, " +
        "d.repository_imported_at, d.repository_file_count, d.repository_has_tests, d.pending_questions_json, " +
        "d.notes_json, d.code_history_json, d.categorized_specs_json, d.maturity_history_json, " +
        "d.analytics_metrics_json, d.llm_configuration_json, d.extras_json, " +
        "(SELECT json_group_array(x.value ORDER BY x.position) FROM project_requirements x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(x.value ORDER BY x.position) FROM project_tech_stack x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(x.value ORDER BY x.position) FROM project_constraints x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(x.username ORDER BY x.position) FROM project_collaborators x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(json_array(x.username, x.role, x.skills_json, x.joined_at, x.extras_json) ORDER BY x.position) " +
        "FROM team_members x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(json_array(x.phase, " + Score + ") ORDER BY x.position) " +
        "FROM phase_maturity_scores x WHERE x.project_id = p.project_id), " +
        "(SELECT json_group_array(json_array(x.phase, x.category, " + Score + ") ORDER BY x.position) " +
        "FROM category_scores x WHERE x.project_id = p.project_id) " +
        "FROM projects p JOIN project_details d ON d.project_id = p.project_id " +
        "WHERE p.project_id = $id;";

    // Scores as exact text (V2's mapper parses them so), negative zero spelled out.
    private const string Score = "CASE WHEN x.score = 0 AND atan2(0, x.score) > 0 THEN '-0.0' ELSE quote(x.score) END";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _id;
    private readonly Func<SqliteDataReader, List<ProjectContext>> _read;

    public RawPointLoad(string databasePath, TimeSpan busyTimeout)
    {
        _read = BindRowReader();
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString());
        _connection.Open();
        SQLitePCL.raw.sqlite3_busy_timeout(_connection.Handle, (int)busyTimeout.TotalMilliseconds);
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
            pragmas.ExecuteNonQuery();
        }

        _command = _connection.CreateCommand();
        _command.CommandText = Sql;
        _id = _command.Parameters.Add("$id", SqliteType.Text);
        _id.Value = string.Empty;
        _command.Prepare();
    }

    /// <summary>The project by id, metadata only (no messages), or null.</summary>
    public ProjectContext? Load(string projectId)
    {
        _id.Value = projectId;
        using var reader = _command.ExecuteReader();
        return _read(reader).SingleOrDefault();
    }

    /// <summary>Throws unless the floor and V2 read the same metadata of <paramref name="projectId"/>.</summary>
    public async Task VerifyAsync(AsyncProjectDatabase database, string projectId)
    {
        ArgumentNullException.ThrowIfNull(database);
        var floor = Load(projectId) ?? throw new InvalidOperationException($"The floor statement found no project '{projectId}'.");
        var v2 = await database.LoadProjectAsync(projectId, ProjectLoad.Metadata)
                 ?? throw new InvalidOperationException($"V2 found no project '{projectId}'.");
        var (floorSum, v2Sum) = (Fixtures.Touch.Metadata(floor), Fixtures.Touch.Metadata(v2));
        if (floorSum != v2Sum || floor.Version != v2.Version)
        {
            throw new InvalidOperationException(
                $"The point-load floor reads another record than V2: checksum {floorSum} against {v2Sum}, version {floor.Version} against {v2.Version}.");
        }
    }

    public void Dispose()
    {
        _command.Dispose();
        _connection.Dispose();
    }

    // V2's row mapper (internal to Socrates.Core), bound once: no reflection per call.
    private static Func<SqliteDataReader, List<ProjectContext>> BindRowReader()
    {
        const string typeName = "Socrates.Core.V2.Rows.ProjectRows";
        var type = typeof(AsyncProjectDatabase).Assembly.GetType(typeName, throwOnError: true)!;
        var method = type.GetMethod("Read", BindingFlags.Public | BindingFlags.Static, [typeof(SqliteDataReader)])
                     ?? throw new InvalidOperationException($"{typeName}.Read(SqliteDataReader) is gone: update the point-load floor.");
        return method.CreateDelegate<Func<SqliteDataReader, List<ProjectContext>>>();
    }
}
