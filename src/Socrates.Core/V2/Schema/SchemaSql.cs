namespace Socrates.Core.V2.Schema;

/// <summary>
/// The V2 schema, version <see cref="Version"/>. Design notes:
/// <list type="bullet">
/// <item>Timestamps are ISO-8601 text with six fractional digits (naive, like V1's datetimes), so
/// text order is time order and microseconds survive.</item>
/// <item>Decimals are text (value and scale kept). Doubles live in columns without a declared
/// type, CHECKed to hold reals: a REAL-affinity column stores integral values as integers and
/// turns -0.0 into 0.0; a typeless column keeps the 8 bytes as given. NaN cannot be stored by
/// SQLite at all (it binds as NULL), so validation rejects it in typed fields.</item>
/// <item>Ordered lists are tables keyed (owner id, position); free-form dicts are PyJson text.</item>
/// <item>Children of a project cascade on delete. User ids in the per-user tables are not
/// foreign keys to <c>users</c>: V1 never enforced that and real data has orphans; the
/// integrity validators report them instead of the schema rejecting the migration.</item>
/// <item><c>projects.version</c> is the optimistic-concurrency row version.</item>
/// <item>Messages are keyed (project_id, position) WITHOUT ROWID (version 2): every message
/// query seeks that key, so a rowid, a separate unique index and an index by time would only
/// store the key again. Version 1 files (rowid table, those indexes) read and write unchanged.</item>
/// </list>
/// </summary>
internal static class SchemaSql
{
    public const int Version = 2;

    /// <summary>Every table, in creation order (children after parents).</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "schema_version", "users", "user_projects", "projects", "project_details",
        "project_requirements", "project_tech_stack", "project_constraints", "project_collaborators",
        "conversation_messages", "team_members", "phase_maturity_scores", "category_scores",
        "project_notes", "question_effectiveness", "behavior_patterns", "knowledge_documents",
        "knowledge_embeddings", "llm_provider_configs", "api_keys", "llm_usage",
    ];

    public const string Create = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            applied_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS users (
            username                  TEXT PRIMARY KEY,
            email                     TEXT,
            passcode_hash             TEXT NOT NULL,
            created_at                TEXT NOT NULL,
            is_archived               INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1)),
            archived_at               TEXT,
            subscription_tier         TEXT,
            subscription_status       TEXT,
            subscription_start        TEXT,
            subscription_end          TEXT,
            questions_used_this_month INTEGER NOT NULL DEFAULT 0,
            usage_reset_date          TEXT,
            testing_mode              INTEGER NOT NULL DEFAULT 0 CHECK (testing_mode IN (0, 1)),
            claude_auth_method        TEXT,
            extras_json               TEXT NOT NULL DEFAULT '{}'
        );

        CREATE TABLE IF NOT EXISTS user_projects (
            username   TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            project_id TEXT NOT NULL,
            PRIMARY KEY (username, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS projects (
            project_id        TEXT PRIMARY KEY,
            owner             TEXT NOT NULL,
            name              TEXT NOT NULL,
            phase             TEXT NOT NULL CHECK (phase IN ('discovery', 'analysis', 'design', 'implementation')),
            status            TEXT NOT NULL CHECK (status IN ('active', 'completed', 'on-hold', 'archived')),
            progress          INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
            is_archived       INTEGER NOT NULL DEFAULT 0 CHECK (is_archived IN (0, 1)),
            archived_at       TEXT,
            is_system_project INTEGER NOT NULL DEFAULT 0 CHECK (is_system_project IN (0, 1)),
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL,
            version           INTEGER NOT NULL CHECK (version >= 1)
        );
        CREATE INDEX IF NOT EXISTS ix_projects_owner ON projects(owner);
        CREATE INDEX IF NOT EXISTS ix_projects_owner_archived ON projects(owner, is_archived);
        CREATE INDEX IF NOT EXISTS ix_projects_name ON projects(name);

        CREATE TABLE IF NOT EXISTS project_details (
            project_id             TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
            description            TEXT,
            goals                  TEXT,
            team_structure         TEXT,
            language_preferences   TEXT,
            deployment_target      TEXT,
            code_style             TEXT,
            chat_mode              TEXT,
            project_type           TEXT,
            system_project_type    TEXT,
            overall_maturity       NOT NULL DEFAULT 0.0 CHECK (typeof(overall_maturity) = 'real'),
            repository_url         TEXT,
            repository_owner       TEXT,
            repository_name        TEXT,
            repository_description TEXT,
            repository_language    TEXT,
            repository_imported_at TEXT,
            repository_file_count  INTEGER NOT NULL DEFAULT 0,
            repository_has_tests   INTEGER NOT NULL DEFAULT 0 CHECK (repository_has_tests IN (0, 1)),
            pending_questions_json TEXT NOT NULL DEFAULT '[]',
            notes_json             TEXT NOT NULL DEFAULT '[]',
            code_history_json      TEXT NOT NULL DEFAULT '[]',
            categorized_specs_json TEXT NOT NULL DEFAULT '{}',
            maturity_history_json  TEXT NOT NULL DEFAULT '[]',
            analytics_metrics_json TEXT NOT NULL DEFAULT '{}',
            llm_configuration_json TEXT,
            extras_json            TEXT NOT NULL DEFAULT '{}'
        );

        CREATE TABLE IF NOT EXISTS project_requirements (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            value      TEXT NOT NULL,
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS project_tech_stack (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            value      TEXT NOT NULL,
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS project_constraints (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            value      TEXT NOT NULL,
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS project_collaborators (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            username   TEXT NOT NULL,
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_project_collaborators_user ON project_collaborators(username);

        CREATE TABLE IF NOT EXISTS conversation_messages (
            project_id     TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position       INTEGER NOT NULL CHECK (position >= 0),
            role           TEXT,
            type           TEXT,
            content        TEXT,
            timestamp      TEXT,
            timestamp_text INTEGER NOT NULL DEFAULT 0 CHECK (timestamp_text IN (0, 1)),
            phase          TEXT,
            present_keys   INTEGER NOT NULL DEFAULT 31 CHECK (present_keys BETWEEN 0 AND 31),
            extra_json     TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS team_members (
            project_id  TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position    INTEGER NOT NULL CHECK (position >= 0),
            username    TEXT NOT NULL,
            role        TEXT,
            skills_json TEXT NOT NULL DEFAULT '[]',
            joined_at   TEXT,
            extras_json TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (project_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_team_members_user ON team_members(username);

        CREATE TABLE IF NOT EXISTS phase_maturity_scores (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            phase      TEXT NOT NULL,
            score      NOT NULL CHECK (typeof(score) = 'real'),
            PRIMARY KEY (project_id, phase)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS category_scores (
            project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            position   INTEGER NOT NULL CHECK (position >= 0),
            phase      TEXT NOT NULL,
            category   TEXT NOT NULL,
            score      NOT NULL CHECK (typeof(score) = 'real'),
            PRIMARY KEY (project_id, phase, category)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS project_notes (
            note_id     TEXT PRIMARY KEY,
            project_id  TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            title       TEXT,
            content     TEXT,
            note_type   TEXT,
            created_at  TEXT NOT NULL,
            created_by  TEXT,
            tags_json   TEXT NOT NULL DEFAULT '[]',
            extras_json TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS ix_project_notes_project ON project_notes(project_id, created_at);

        CREATE TABLE IF NOT EXISTS question_effectiveness (
            id                            TEXT PRIMARY KEY,
            user_id                       TEXT NOT NULL,
            question_template_id          TEXT NOT NULL,
            role                          TEXT,
            times_asked                   INTEGER NOT NULL DEFAULT 0,
            times_answered_well           INTEGER NOT NULL DEFAULT 0,
            average_answer_length         INTEGER NOT NULL DEFAULT 0,
            average_spec_extraction_count TEXT NOT NULL,
            effectiveness_score           TEXT NOT NULL,
            last_asked_at                 TEXT,
            created_at                    TEXT NOT NULL,
            updated_at                    TEXT NOT NULL,
            extras_json                   TEXT NOT NULL DEFAULT '{}',
            UNIQUE (user_id, question_template_id)
        );

        CREATE TABLE IF NOT EXISTS behavior_patterns (
            id                         TEXT PRIMARY KEY,
            user_id                    TEXT NOT NULL,
            pattern_type               TEXT NOT NULL,
            pattern_data_json          TEXT NOT NULL DEFAULT '{}',
            confidence                 TEXT NOT NULL,
            learned_from_projects_json TEXT NOT NULL DEFAULT '[]',
            learned_at                 TEXT NOT NULL,
            updated_at                 TEXT NOT NULL,
            extras_json                TEXT NOT NULL DEFAULT '{}',
            UNIQUE (user_id, pattern_type)
        );

        CREATE TABLE IF NOT EXISTS knowledge_documents (
            id           TEXT PRIMARY KEY,
            project_id   TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
            user_id      TEXT NOT NULL,
            filename     TEXT,
            file_size    INTEGER NOT NULL DEFAULT 0 CHECK (file_size >= 0),
            content_type TEXT,
            content      TEXT,
            uploaded_at  TEXT NOT NULL,
            extras_json  TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS ix_knowledge_documents_project ON knowledge_documents(project_id);
        CREATE INDEX IF NOT EXISTS ix_knowledge_documents_user ON knowledge_documents(user_id);

        CREATE TABLE IF NOT EXISTS knowledge_embeddings (
            document_id TEXT PRIMARY KEY REFERENCES knowledge_documents(id) ON DELETE CASCADE,
            embedding   BLOB NOT NULL
        );

        CREATE TABLE IF NOT EXISTS llm_provider_configs (
            id          TEXT PRIMARY KEY,
            user_id     TEXT NOT NULL,
            provider    TEXT NOT NULL,
            is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
            enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            settings_json TEXT NOT NULL DEFAULT '{}',
            extras_json TEXT NOT NULL DEFAULT '{}',
            UNIQUE (user_id, provider)
        );

        CREATE TABLE IF NOT EXISTS api_keys (
            id            TEXT PRIMARY KEY,
            user_id       TEXT NOT NULL,
            provider      TEXT NOT NULL,
            encrypted_key TEXT NOT NULL,
            key_hash      TEXT NOT NULL,
            created_at    TEXT,
            updated_at    TEXT,
            last_used_at  TEXT,
            UNIQUE (user_id, provider)
        );

        CREATE TABLE IF NOT EXISTS llm_usage (
            id            TEXT PRIMARY KEY,
            user_id       TEXT NOT NULL,
            provider      TEXT NOT NULL,
            model         TEXT NOT NULL,
            timestamp     TEXT NOT NULL,
            input_tokens  INTEGER NOT NULL DEFAULT 0,
            output_tokens INTEGER NOT NULL DEFAULT 0,
            total_tokens  INTEGER NOT NULL DEFAULT 0,
            latency_ms    NOT NULL DEFAULT 0.0 CHECK (typeof(latency_ms) = 'real'),
            cost          NOT NULL DEFAULT 0.0 CHECK (typeof(cost) = 'real'),
            success       INTEGER NOT NULL DEFAULT 1 CHECK (success IN (0, 1)),
            error_message TEXT,
            request_id    TEXT,
            extras_json   TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX IF NOT EXISTS ix_llm_usage_user_time ON llm_usage(user_id, timestamp);
        """;
}
