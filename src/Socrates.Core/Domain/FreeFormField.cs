namespace Socrates.Core.Domain;

/// <summary>The free-form (pickle value model) fields of <see cref="ProjectContext"/> that a store may hand over as PyJson text.</summary>
public enum FreeFormField
{
    PendingQuestions,
    Notes,
    CodeHistory,
    CategorizedSpecs,
    MaturityHistory,
    AnalyticsMetrics,
    LlmConfiguration,
    Extras,
}
