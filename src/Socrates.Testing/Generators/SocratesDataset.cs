using Socrates.Core.Domain;

namespace Socrates.Testing.Generators;

/// <summary>A generated, internally consistent set of Socrates entities (projects reference existing owners).</summary>
public sealed record SocratesDataset(
    IReadOnlyList<User> Users,
    IReadOnlyList<ProjectContext> Projects,
    IReadOnlyList<ProjectNote> Notes,
    IReadOnlyList<KnowledgeBaseDocument> Documents,
    IReadOnlyList<QuestionEffectiveness> QuestionEffectiveness,
    IReadOnlyList<UserBehaviorPattern> BehaviorPatterns,
    IReadOnlyList<LlmProviderConfig> ProviderConfigs,
    IReadOnlyList<ApiKey> ApiKeys,
    IReadOnlyList<LlmUsageRecord> Usage);
