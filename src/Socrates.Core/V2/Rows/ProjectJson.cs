namespace Socrates.Core.V2.Rows;

/// <summary>A project's free-form fields already serialised (validation measures their size).</summary>
internal sealed record ProjectJson(
    string PendingQuestions,
    string Notes,
    string CodeHistory,
    string CategorizedSpecs,
    string MaturityHistory,
    string AnalyticsMetrics,
    string? LlmConfiguration,
    string Extras);
