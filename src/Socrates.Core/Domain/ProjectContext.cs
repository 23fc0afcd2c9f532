using Socrates.Core.Domain.Values;

namespace Socrates.Core.Domain;

/// <summary>
/// The Socrates project, every field of V1's <c>ProjectContext</c> dataclass. Free-form dict or
/// list-of-dict fields hold the pickle value model (null, bool, long, BigInteger, double, string,
/// byte[], List&lt;object?&gt;, object?[] for tuples, Dictionary&lt;string, object?&gt;, DateTime,
/// DateOnly, decimal). Equality is by <see cref="Comparison.EntityComparer"/>, field by field.
/// A store may hand the free-form fields over as PyJson text (<see cref="SetFreeFormJson"/>);
/// they are decoded on first read, so a metadata load does not pay for fields nobody reads.
/// Like <see cref="List{T}"/>, an instance is not meant to be shared between threads while written.
/// </summary>
public sealed class ProjectContext
{
    private readonly string?[] _json = new string?[8];
    private List<object?> _pendingQuestions = [];
    private List<object?> _notes = [];
    private List<object?> _codeHistory = [];
    private Dictionary<string, object?> _categorizedSpecs = new(StringComparer.Ordinal);
    private List<object?> _maturityHistory = [];
    private Dictionary<string, object?> _analyticsMetrics = new(StringComparer.Ordinal);
    private Dictionary<string, object?>? _llmConfiguration;
    private Dictionary<string, object?> _extras = new(StringComparer.Ordinal);

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

    public List<object?> PendingQuestions
    {
        get => Decode(FreeFormField.PendingQuestions, ref _pendingQuestions, PyJson.DeserializeList);
        set => Assign(FreeFormField.PendingQuestions, ref _pendingQuestions, value);
    }

    public List<object?> Notes
    {
        get => Decode(FreeFormField.Notes, ref _notes, PyJson.DeserializeList);
        set => Assign(FreeFormField.Notes, ref _notes, value);
    }

    public List<object?> CodeHistory
    {
        get => Decode(FreeFormField.CodeHistory, ref _codeHistory, PyJson.DeserializeList);
        set => Assign(FreeFormField.CodeHistory, ref _codeHistory, value);
    }

    /// <summary>phase name -> maturity (ints in V1 are widened to float).</summary>
    public Dictionary<string, double> PhaseMaturityScores { get; set; } = new(StringComparer.Ordinal);

    public double OverallMaturity { get; set; }

    /// <summary>phase -> category -> score.</summary>
    public Dictionary<string, Dictionary<string, double>> CategoryScores { get; set; } = new(StringComparer.Ordinal);

    /// <summary>category -> list of spec dicts (pickle value model).</summary>
    public Dictionary<string, object?> CategorizedSpecs
    {
        get => Decode(FreeFormField.CategorizedSpecs, ref _categorizedSpecs, PyJson.DeserializeDict);
        set => Assign(FreeFormField.CategorizedSpecs, ref _categorizedSpecs, value);
    }

    public List<object?> MaturityHistory
    {
        get => Decode(FreeFormField.MaturityHistory, ref _maturityHistory, PyJson.DeserializeList);
        set => Assign(FreeFormField.MaturityHistory, ref _maturityHistory, value);
    }

    public Dictionary<string, object?> AnalyticsMetrics
    {
        get => Decode(FreeFormField.AnalyticsMetrics, ref _analyticsMetrics, PyJson.DeserializeDict);
        set => Assign(FreeFormField.AnalyticsMetrics, ref _analyticsMetrics, value);
    }

    /// <summary>A dict or None in V1.</summary>
    public Dictionary<string, object?>? LlmConfiguration
    {
        get => Decode(FreeFormField.LlmConfiguration, ref _llmConfiguration, PyJson.DeserializeDict);
        set => Assign(FreeFormField.LlmConfiguration, ref _llmConfiguration, value);
    }

    public string? RepositoryUrl { get; set; }

    public string? RepositoryOwner { get; set; }

    public string? RepositoryName { get; set; }

    public string? RepositoryDescription { get; set; }

    public string? RepositoryLanguage { get; set; }

    public DateTime? RepositoryImportedAt { get; set; }

    public long RepositoryFileCount { get; set; }

    public bool RepositoryHasTests { get; set; }

    /// <summary>Keys of the V1 dict this model does not know, kept verbatim for the migrator.</summary>
    public Dictionary<string, object?> Extras
    {
        get => Decode(FreeFormField.Extras, ref _extras, PyJson.DeserializeDict);
        set => Assign(FreeFormField.Extras, ref _extras, value);
    }

    /// <summary>The V2 row version (optimistic concurrency); 0 for a project never stored.</summary>
    [StorageOnly]
    public long Version { get; set; }

    /// <summary>
    /// False when the project was loaded without its messages (lazy load): saving it then keeps
    /// the stored messages instead of replacing them with the empty list.
    /// </summary>
    [StorageOnly]
    public bool ConversationHistoryLoaded { get; set; } = true;

    /// <summary>
    /// Hands a free-form field over as PyJson text (checked well-formed by the caller), decoded
    /// on first read. Null text for <see cref="FreeFormField.LlmConfiguration"/> means None.
    /// </summary>
    public void SetFreeFormJson(FreeFormField field, string? json)
    {
        if (json is null && field != FreeFormField.LlmConfiguration)
        {
            throw new ArgumentNullException(nameof(json), $"{field} cannot be None.");
        }

        if (json is null)
        {
            _json[(int)field] = null;
            _llmConfiguration = null;
            return;
        }

        _json[(int)field] = json;
    }

    /// <summary>The field's PyJson text while it has not been decoded (so a store can write it back as is), else null.</summary>
    public string? PendingFreeFormJson(FreeFormField field) => _json[(int)field];

    private T Decode<T>(FreeFormField field, ref T value, Func<string, T> decode)
    {
        var json = _json[(int)field];
        if (json is not null)
        {
            value = decode(json);
            _json[(int)field] = null;
        }

        return value;
    }

    private void Assign<T>(FreeFormField field, ref T target, T value)
    {
        target = value;
        _json[(int)field] = null;
    }
}
