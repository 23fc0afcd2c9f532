namespace Socrates.Core.V2.Rows;

/// <summary>Question effectiveness and behaviour pattern statements.</summary>
internal static class LearningSql
{
    public const string UpsertEffectiveness =
        "INSERT INTO question_effectiveness (id, user_id, question_template_id, role, times_asked, times_answered_well, " +
        "average_answer_length, average_spec_extraction_count, effectiveness_score, last_asked_at, created_at, updated_at, extras_json) " +
        "VALUES ($id, $user_id, $question_template_id, $role, $times_asked, $times_answered_well, $average_answer_length, " +
        "$average_spec_extraction_count, $effectiveness_score, $last_asked_at, $created_at, $updated_at, $extras_json) " +
        "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, question_template_id = excluded.question_template_id, " +
        "role = excluded.role, times_asked = excluded.times_asked, times_answered_well = excluded.times_answered_well, " +
        "average_answer_length = excluded.average_answer_length, " +
        "average_spec_extraction_count = excluded.average_spec_extraction_count, effectiveness_score = excluded.effectiveness_score, " +
        "last_asked_at = excluded.last_asked_at, created_at = excluded.created_at, updated_at = excluded.updated_at, " +
        "extras_json = excluded.extras_json;";

    public const string EffectivenessColumns =
        "SELECT id, user_id, question_template_id, role, times_asked, times_answered_well, average_answer_length, " +
        "average_spec_extraction_count, effectiveness_score, last_asked_at, created_at, updated_at, extras_json FROM question_effectiveness ";

    public const string LoadEffectiveness = EffectivenessColumns + "WHERE user_id = $user_id AND question_template_id = $template_id;";

    public const string UserEffectiveness = EffectivenessColumns + "WHERE user_id = $user_id ORDER BY question_template_id;";

    public const string DeleteEffectiveness = "DELETE FROM question_effectiveness WHERE id = $id;";

    public const string UpsertPattern =
        "INSERT INTO behavior_patterns (id, user_id, pattern_type, pattern_data_json, confidence, learned_from_projects_json, " +
        "learned_at, updated_at, extras_json) VALUES ($id, $user_id, $pattern_type, $pattern_data_json, $confidence, " +
        "$learned_from_projects_json, $learned_at, $updated_at, $extras_json) " +
        "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, pattern_type = excluded.pattern_type, " +
        "pattern_data_json = excluded.pattern_data_json, confidence = excluded.confidence, " +
        "learned_from_projects_json = excluded.learned_from_projects_json, learned_at = excluded.learned_at, " +
        "updated_at = excluded.updated_at, extras_json = excluded.extras_json;";

    public const string PatternColumns =
        "SELECT id, user_id, pattern_type, pattern_data_json, confidence, learned_from_projects_json, learned_at, updated_at, " +
        "extras_json FROM behavior_patterns ";

    public const string LoadPattern = PatternColumns + "WHERE user_id = $user_id AND pattern_type = $pattern_type;";

    public const string UserPatterns = PatternColumns + "WHERE user_id = $user_id ORDER BY pattern_type;";

    public const string DeletePattern = "DELETE FROM behavior_patterns WHERE id = $id;";
}
