namespace Socrates.Core.Domain;

/// <summary>
/// The Socrates project, every field of V1's <c>ProjectContext</c> dataclass. Free-form dict or
/// list-of-dict fields hold the pickle value model (null, bool, long, BigInteger, double, string,
/// byte[], List&lt;object?&gt;, object?[] for tuples, Dictionary&lt;string, object?&gt;, DateTime,
/// DateOnly, decimal). Equality is by <see cref="Comparison.EntityComparer"/>, field by field.
/// </summary>
public sealed class ProjectContext
{
    public string ProjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public Phase Phase { get; set; } = Phase.Discovery;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Deprecated by the app in favour of <see cref="TeamMembers"/>, still stored.</summary>
    public List<string> Collaborators { get; set; } = [];

    public string? Description { get; set; } = "";

    public string? Goals { get; set; } = "";

    public List<string> Requirements { get; set; } = [];

    public List<string> TechStack { get; set; } = [];

    public List<string> Constraints { get; set; } = [];

    public string? TeamStructure { get; set; } = "individual";

    public string? LanguagePreferences { get; set; } = "python";

    public string? DeploymentTarget { get; set; } = "local";

    public string? CodeStyle { get; set; } = "documented";

    public string? ChatMode { get; set; } = "socratic";

    /// <summary>One of <see cref="ProjectStatuses.All"/> (validated on write).</summary>
    public string Status { get; set; } = ProjectStatuses.Active;

    public string? ProjectType { get; set; } = "software";

    public List<ConversationMessage> ConversationHistory { get; set; } = [];

    public bool IsArchived { get; set; }

    public DateTime? ArchivedAt { get; set; }

    /// <summary>0..100.</summary>
    public long Progress { get; set; }

    public bool IsSystemProject { get; set; }

    public string? SystemProjectType { get; set; }

    public List<TeamMember> TeamMembers { get; set; } = [];

    public List<object?> PendingQuestions { get; set; } = [];

    public List<object?> Notes { get; set; } = [];

    public List<object?> CodeHistory { get; set; } = [];

    /// <summary>phase name -> maturity (ints in V1 are widened to float).</summary>
    public Dictionary<string, double> PhaseMaturityScores { get; set; } = new(StringComparer.Ordinal);

    public double OverallMaturity { get; set; }

    /// <summary>phase -> category -> score.</summary>
    public Dictionary<string, Dictionary<string, double>> CategoryScores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>category -> list of spec dicts (pickle value model).</summary>
    public Dictionary<string, object?> CategorizedSpecs { get; set; } = new(StringComparer.Ordinal);

    public List<object?> MaturityHistory { get; set; } = [];

    public Dictionary<string, object?> AnalyticsMetrics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A dict or None in V1.</summary>
    public Dictionary<string, object?>? LlmConfiguration { get; set; }

    public string? RepositoryUrl { get; set; }

    public string? RepositoryOwner { get; set; }

    public string? RepositoryName { get; set; }

    public string? RepositoryDescription { get; set; }

    public string? RepositoryLanguage { get; set; }

    public DateTime? RepositoryImportedAt { get; set; }

    public long RepositoryFileCount { get; set; }

    public bool RepositoryHasTests { get; set; }

    /// <summary>Keys of the V1 dict this model does not know, kept verbatim for the migrator.</summary>
    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The V2 row version (optimistic concurrency); 0 for a project never stored.</summary>
    [StorageOnly]
    public long Version { get; set; }

    /// <summary>
    /// False when the project was loaded without its messages (lazy load): saving it then keeps
    /// the stored messages instead of replacing them with the empty list.
    /// </summary>
    [StorageOnly]
    public bool ConversationHistoryLoaded { get; set; } = true;
}
