namespace Socrates.Core.V1;

/// <summary>
/// The nine tables of the V1 Socrates database, exactly as the Python app created them (one
/// pickled dict per row in <c>data BLOB</c>; no indexes beyond the primary keys and UNIQUE
/// constraints; foreign keys declared but, as with Python's sqlite3, not enforced).
/// </summary>
public static class V1Schema
{
    public const string Projects = "projects";
    public const string Users = "users";
    public const string ProjectNotes = "project_notes";
    public const string QuestionEffectiveness = "question_effectiveness";
    public const string BehaviorPatterns = "behavior_patterns";
    public const string KnowledgeDocuments = "knowledge_documents";
    public const string LlmProviderConfigs = "llm_provider_configs";
    public const string ApiKeys = "api_keys";
    public const string LlmUsage = "llm_usage";

    /// <summary>The CREATE TABLE statements, in the order the app ran them.</summary>
    public static IReadOnlyList<string> CreateStatements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS projects (project_id TEXT PRIMARY KEY, data BLOB, created_at TEXT, updated_at TEXT)",
        "CREATE TABLE IF NOT EXISTS users (username TEXT PRIMARY KEY, passcode_hash TEXT, data BLOB, created_at TEXT)",
        "CREATE TABLE IF NOT EXISTS project_notes (note_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, data BLOB, created_at TEXT, FOREIGN KEY (project_id) REFERENCES projects(project_id))",
        "CREATE TABLE IF NOT EXISTS question_effectiveness (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, question_template_id TEXT NOT NULL, data BLOB, created_at TEXT, updated_at TEXT, UNIQUE(user_id, question_template_id))",
        "CREATE TABLE IF NOT EXISTS behavior_patterns (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, pattern_type TEXT NOT NULL, data BLOB, learned_at TEXT, updated_at TEXT, UNIQUE(user_id, pattern_type))",
        "CREATE TABLE IF NOT EXISTS knowledge_documents (id TEXT PRIMARY KEY, project_id TEXT NOT NULL, user_id TEXT NOT NULL, data BLOB, uploaded_at TEXT, FOREIGN KEY (project_id) REFERENCES projects(project_id))",
        "CREATE TABLE IF NOT EXISTS llm_provider_configs (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, provider TEXT NOT NULL, data BLOB, created_at TEXT, updated_at TEXT, UNIQUE(user_id, provider))",
        "CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, provider TEXT NOT NULL, encrypted_key TEXT NOT NULL, key_hash TEXT NOT NULL, created_at TEXT, updated_at TEXT, last_used_at TEXT, UNIQUE(user_id, provider))",
        "CREATE TABLE IF NOT EXISTS llm_usage (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL, data BLOB, timestamp TEXT, cost REAL)",
    ];

    /// <summary>Table name → its primary-key column.</summary>
    public static IReadOnlyDictionary<string, string> KeyColumns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Projects] = "project_id",
        [Users] = "username",
        [ProjectNotes] = "note_id",
        [QuestionEffectiveness] = "id",
        [BehaviorPatterns] = "id",
        [KnowledgeDocuments] = "id",
        [LlmProviderConfigs] = "id",
        [ApiKeys] = "id",
        [LlmUsage] = "id",
    };

    /// <summary>The nine table names, in creation order.</summary>
    public static IReadOnlyList<string> TableNames { get; } =
        [Projects, Users, ProjectNotes, QuestionEffectiveness, BehaviorPatterns, KnowledgeDocuments, LlmProviderConfigs, ApiKeys, LlmUsage];

    /// <summary>The eight tables with a pickled <c>data</c> column (all but api_keys).</summary>
    public static IReadOnlyList<string> BlobTables { get; } = [.. TableNames.Where(t => t != ApiKeys)];

    /// <summary>The primary-key column of <paramref name="table"/>; throws for a name that is not a V1 table.</summary>
    public static string KeyColumnOf(string table) =>
        KeyColumns.TryGetValue(table, out var column)
            ? column
            : throw new ArgumentException($"'{table}' is not a V1 table; the V1 tables are {string.Join(", ", TableNames)}.", nameof(table));
}
