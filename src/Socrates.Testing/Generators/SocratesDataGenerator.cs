using System.Numerics;
using Bogus;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;

namespace Socrates.Testing.Generators;

/// <summary>
/// Realistic Socrates data from a fixed seed: the same seed gives the same data, value for value
/// (Bogus with its own seeded <see cref="Randomizer"/>, never the clock or the global seed).
/// Timestamps are naive and microsecond precise, between 2023 and 2025. Free-form fields are
/// filled with every type of the pickle value model (datetime, Decimal, bytes, tuple, big int,
/// floats that look like ints) so stores and codecs are exercised on all of them.
/// </summary>
public sealed class SocratesDataGenerator
{
    private static readonly DateTime s_epoch = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly string[] s_roles = ["user", "assistant", "system"];
    private static readonly string[] s_messageTypes = ["question", "answer", "feedback", "summary"];
    private static readonly string[] s_teamRoles = ["lead", "creator", "specialist", "analyst", "coordinator"];
    private static readonly string[] s_providers = ["claude", "openai", "gemini", "ollama"];
    private static readonly string[] s_tech = ["python", "fastapi", "react", "postgresql", "redis", "docker", "kubernetes", "typescript", "rust", "sqlite"];
    private readonly Faker _faker;
    private int _sequence;

    public SocratesDataGenerator(int seed)
    {
        Seed = seed;
        _faker = new Faker("en") { Random = new Randomizer(seed) };
    }

    public int Seed { get; }

    private Randomizer Random => _faker.Random;

    /// <summary>A naive timestamp with microseconds, 2023-01-01 .. 2025-12-31.</summary>
    public DateTime Timestamp() => s_epoch.AddTicks(Random.Long(0, 3L * 365 * TimeSpan.TicksPerDay / 10) * 10);

    /// <summary>A unique identifier with a readable prefix (unique within this generator).</summary>
    public string Id(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence):D6}_{Random.AlphaNumeric(8)}";

    public User User(string? username = null)
    {
        var created = Timestamp();
        var name = username ?? $"{_faker.Internet.UserName().Replace('.', '_')}_{Interlocked.Increment(ref _sequence)}";
        return new User
        {
            Username = name,
            Email = _faker.Internet.Email(),
            PasscodeHash = Random.Hash(64),
            CreatedAt = created,
            Projects = [],
            IsArchived = Random.Bool(0.1f),
            ArchivedAt = Random.Bool(0.5f) ? created.AddDays(30) : null,
            SubscriptionTier = Random.ArrayElement(["free", "pro", "enterprise"]),
            SubscriptionStatus = Random.ArrayElement(["active", "cancelled", "past_due"]),
            SubscriptionStart = created.AddDays(1),
            SubscriptionEnd = created.AddDays(366),
            QuestionsUsedThisMonth = Random.Long(0, 500),
            UsageResetDate = created.AddDays(31),
            TestingMode = Random.Bool(0.2f),
            ClaudeAuthMethod = Random.ArrayElement(["api_key", "subscription"]),
            Extras = [],
        };
    }

    public ProjectContext Project(string owner, ProjectShape? shape = null)
    {
        shape ??= ProjectShape.Default;
        var created = Timestamp();
        var phase = Random.Enum<Phase>();
        var every = shape.EveryField;
        var project = new ProjectContext
        {
            ProjectId = Id("proj"),
            Name = _faker.Commerce.ProductName() + " " + _faker.Hacker.Noun(),
            Owner = owner,
            Phase = phase,
            CreatedAt = created,
            UpdatedAt = created.AddMinutes(Random.Int(1, 100_000)).AddTicks(Random.Int(0, 999_999) * 10L),
            Collaborators = Enumerable.Range(0, shape.Collaborators).Select(_ => Id("user")).ToList(),
            Description = _faker.Lorem.Paragraph(),
            Goals = _faker.Lorem.Sentence(12),
            Requirements = Enumerable.Range(0, shape.ListItems).Select(_ => _faker.Lorem.Sentence()).ToList(),
            TechStack = Random.Shuffle(s_tech).Take(Math.Min(shape.ListItems, s_tech.Length)).ToList(),
            Constraints = Enumerable.Range(0, shape.ListItems).Select(_ => _faker.Lorem.Sentence(6)).ToList(),
            TeamStructure = Random.ArrayElement(["individual", "small_team", "enterprise"]),
            LanguagePreferences = Random.ArrayElement(["python", "javascript", "csharp", "go"]),
            DeploymentTarget = Random.ArrayElement(["local", "cloud", "kubernetes", "serverless"]),
            CodeStyle = Random.ArrayElement(["documented", "minimal", "verbose"]),
            ChatMode = Random.ArrayElement(["socratic", "direct"]),
            Status = Random.ArrayElement(ProjectStatuses.All.ToArray()),
            ProjectType = Random.ArrayElement(["software", "research", "business", "creative"]),
            IsArchived = Random.Bool(0.2f),
            ArchivedAt = every ? created.AddDays(Random.Int(1, 200)) : null,
            Progress = Random.Long(0, 100),
            IsSystemProject = Random.Bool(0.05f),
            SystemProjectType = every ? Random.ArrayElement(["onboarding", "tutorial"]) : null,
            PendingQuestions = Enumerable.Range(0, 2).Select(_ => (object?)FreeDict(created)).ToList(),
            Notes = [FreeDict(created)],
            CodeHistory = [FreeDict(created), FreeDict(created)],
            OverallMaturity = Math.Round(Random.Double(0, 100), 4),
            CategorizedSpecs = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["goals"] = new List<object?> { FreeDict(created), FreeDict(created) },
                ["requirements"] = new List<object?> { FreeDict(created) },
            },
            MaturityHistory = Enumerable.Range(0, 3).Select(i => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["timestamp"] = created.AddDays(i),
                ["phase"] = PhaseNames.ToName(phase),
                ["score"] = Random.Double(0, 100),
                ["delta"] = (double)Random.Int(-5, 5),
            }).ToList(),
            AnalyticsMetrics = FreeDict(created),
            LlmConfiguration = every ? new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["provider"] = Random.ArrayElement(s_providers),
                ["temperature"] = Math.Round(Random.Double(0, 1), 2),
                ["max_tokens"] = (long)Random.Int(256, 8192),
            } : null,
            RepositoryUrl = every ? _faker.Internet.UrlWithPath("https") : null,
            RepositoryOwner = every ? _faker.Internet.UserName() : null,
            RepositoryName = every ? _faker.Hacker.Noun() + "-" + _faker.Hacker.Verb() : null,
            RepositoryDescription = every ? _faker.Lorem.Sentence() : null,
            RepositoryLanguage = every ? Random.ArrayElement(["Python", "C#", "TypeScript"]) : null,
            RepositoryImportedAt = every ? created.AddHours(2) : null,
            RepositoryFileCount = Random.Long(0, 5000),
            RepositoryHasTests = Random.Bool(),
        };

        foreach (var name in PhaseNames.All)
        {
            project.PhaseMaturityScores[name] = Random.Double(0, 100);
            project.CategoryScores[name] = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["goals"] = Random.Double(0, 1),
                ["requirements"] = Random.Double(0, 1),
                ["constraints"] = (double)Random.Int(0, 3),
            };
        }

        for (var i = 0; i < shape.TeamMembers; i++)
        {
            project.TeamMembers.Add(new TeamMember
            {
                Username = i == 0 ? owner : Id("member"),
                Role = Random.ArrayElement(s_teamRoles),
                Skills = Random.Shuffle(s_tech).Take(Random.Int(0, 4)).ToList(),
                JoinedAt = created.AddDays(i),
                Extras = i == 1 && every ? new(StringComparer.Ordinal) { ["invited_by"] = owner } : new(StringComparer.Ordinal),
            });
        }

        var at = created;
        for (var i = 0; i < shape.Messages; i++)
        {
            at = at.AddSeconds(Random.Int(1, 600)).AddTicks(Random.Int(0, 999_999) * 10L);
            project.ConversationHistory.Add(Message(phase, at, textTimestamp: i % 2 == 0));
        }

        if (every)
        {
            project.Extras["legacy_flag"] = true;
        }

        return project;
    }

    public ConversationMessage Message(Phase phase, DateTime at, bool textTimestamp = false) => new()
    {
        Role = Random.ArrayElement(s_roles),
        Type = Random.ArrayElement(s_messageTypes),
        Content = _faker.Lorem.Paragraphs(Random.Int(1, 3)),
        Timestamp = at,
        TimestampIsText = textTimestamp,
        Phase = PhaseNames.ToName(phase),
        PresentKeys = MessageKeys.All,
        Extras = Random.Bool(0.3f)
            ? new(StringComparer.Ordinal) { ["tokens"] = (long)Random.Int(1, 4000), ["model"] = "claude-sonnet" }
            : new(StringComparer.Ordinal),
    };

    public ProjectNote Note(string projectId, string createdBy) => new()
    {
        NoteId = Id("note"),
        ProjectId = projectId,
        Title = _faker.Lorem.Sentence(4),
        Content = _faker.Lorem.Paragraphs(2),
        NoteType = Random.ArrayElement(["general", "design", "bug", "idea"]),
        CreatedAt = Timestamp(),
        CreatedBy = createdBy,
        Tags = _faker.Lorem.Words(Random.Int(0, 4)).ToList(),
        Extras = [],
    };

    public QuestionEffectiveness QuestionEffectiveness(string userId)
    {
        var created = Timestamp();
        var asked = Random.Long(1, 200);
        return new QuestionEffectiveness
        {
            Id = Id("qe"),
            UserId = userId,
            QuestionTemplateId = Id("tmpl"),
            Role = Random.ArrayElement(s_teamRoles),
            TimesAsked = asked,
            TimesAnsweredWell = Random.Long(0, asked),
            AverageAnswerLength = Random.Long(10, 2000),
            AverageSpecExtractionCount = decimal.Round(Random.Decimal(0, 10), 2),
            EffectivenessScore = decimal.Round(Random.Decimal(0, 1), 4),
            LastAskedAt = created.AddDays(3),
            CreatedAt = created,
            UpdatedAt = created.AddDays(4),
            Extras = [],
        };
    }

    public UserBehaviorPattern BehaviorPattern(string userId, string? patternType = null)
    {
        var learned = Timestamp();
        return new UserBehaviorPattern
        {
            Id = Id("pattern"),
            UserId = userId,
            PatternType = patternType ?? Id("type"),
            PatternData = FreeDict(learned),
            Confidence = decimal.Round(Random.Decimal(0, 1), 3),
            LearnedFromProjects = Enumerable.Range(0, Random.Int(0, 3)).Select(_ => Id("proj")).ToList(),
            LearnedAt = learned,
            UpdatedAt = learned.AddHours(5),
            Extras = [],
        };
    }

    public KnowledgeBaseDocument KnowledgeDocument(string projectId, string userId, int embeddingDimensions = 16)
    {
        var content = _faker.Lorem.Paragraphs(3);
        var embedding = new byte[embeddingDimensions * sizeof(float)];
        for (var i = 0; i < embeddingDimensions; i++)
        {
            BitConverter.TryWriteBytes(embedding.AsSpan(i * sizeof(float)), Random.Float(-1, 1));
        }

        return new KnowledgeBaseDocument
        {
            Id = Id("doc"),
            ProjectId = projectId,
            UserId = userId,
            Filename = _faker.System.FileName("md"),
            FileSize = content.Length,
            ContentType = "text/markdown",
            Content = content,
            Embedding = embedding,
            UploadedAt = Timestamp(),
            Extras = [],
        };
    }

    public LlmProviderConfig ProviderConfig(string userId, string? provider = null)
    {
        var created = Timestamp();
        return new LlmProviderConfig
        {
            Id = Id("cfg"),
            Provider = provider ?? Random.ArrayElement(s_providers),
            UserId = userId,
            IsDefault = Random.Bool(),
            Enabled = Random.Bool(0.8f),
            CreatedAt = created,
            UpdatedAt = created.AddDays(1),
            Settings = FreeDict(created),
            Extras = [],
        };
    }

    public ApiKey ApiKey(string userId, string? provider = null)
    {
        var created = Timestamp();
        return new ApiKey
        {
            Id = Id("key"),
            UserId = userId,
            Provider = provider ?? Random.ArrayElement(s_providers),
            EncryptedKey = Convert.ToBase64String(Random.Bytes(48)),
            KeyHash = Random.Hash(64),
            CreatedAt = created,
            UpdatedAt = created.AddDays(2),
            LastUsedAt = Random.Bool() ? created.AddDays(3) : null,
        };
    }

    public LlmUsageRecord Usage(string userId)
    {
        var input = Random.Long(10, 8000);
        var output = Random.Long(10, 4000);
        var success = Random.Bool(0.9f);
        return new LlmUsageRecord
        {
            Id = Id("usage"),
            UserId = userId,
            Provider = Random.ArrayElement(s_providers),
            Model = Random.ArrayElement(["claude-sonnet-4", "gpt-4o", "gemini-1.5-pro"]),
            Timestamp = Timestamp(),
            InputTokens = input,
            OutputTokens = output,
            TotalTokens = input + output,
            LatencyMs = Math.Round(Random.Double(50, 20_000), 3),
            Cost = Math.Round(Random.Double(0, 0.5), 6),
            Success = success,
            ErrorMessage = success ? null : _faker.Lorem.Sentence(),
            RequestId = Id("req"),
            Extras = [],
        };
    }

    /// <summary>A consistent dataset: users own projects; notes, documents and per-user records reference them.</summary>
    public SocratesDataset Dataset(DatasetShape? shape = null)
    {
        shape ??= new DatasetShape();
        var users = Enumerable.Range(0, shape.Users).Select(_ => User()).ToList();
        var projects = new List<ProjectContext>();
        var notes = new List<ProjectNote>();
        var documents = new List<KnowledgeBaseDocument>();
        var effectiveness = new List<QuestionEffectiveness>();
        var patterns = new List<UserBehaviorPattern>();
        var configs = new List<LlmProviderConfig>();
        var keys = new List<ApiKey>();
        var usage = new List<LlmUsageRecord>();
        foreach (var user in users)
        {
            for (var i = 0; i < shape.ProjectsPerUser; i++)
            {
                var project = Project(user.Username, shape.ProjectShape);
                projects.Add(project);
                user.Projects.Add(project.ProjectId);
                notes.AddRange(Enumerable.Range(0, shape.NotesPerProject).Select(_ => Note(project.ProjectId, user.Username)));
                documents.AddRange(Enumerable.Range(0, shape.DocumentsPerProject).Select(_ => KnowledgeDocument(project.ProjectId, user.Username, shape.EmbeddingDimensions)));
            }

            effectiveness.Add(QuestionEffectiveness(user.Username));
            patterns.Add(BehaviorPattern(user.Username));
            var provider = Random.ArrayElement(s_providers);
            configs.Add(ProviderConfig(user.Username, provider));
            keys.Add(ApiKey(user.Username, provider));
            usage.AddRange(Enumerable.Range(0, shape.UsageRecordsPerUser).Select(_ => Usage(user.Username)));
        }

        return new SocratesDataset(users, projects, notes, documents, effectiveness, patterns, configs, keys, usage);
    }

    /// <summary>
    /// The V1 blob dict of a project (what <c>asdict()</c> gave, via the domain mapper), with
    /// <paramref name="drift"/> applied: missing keys removed, unknown keys added.
    /// </summary>
    public static Dictionary<string, object?> V1ProjectDict(ProjectContext project, V1Drift? drift = null) =>
        ApplyDrift(ProjectContextDict.ToDict(project), drift);

    /// <summary>The V1 blob dict of a user, with optional drift.</summary>
    public static Dictionary<string, object?> V1UserDict(User user, V1Drift? drift = null) => ApplyDrift(UserDict.ToDict(user), drift);

    /// <summary>A random drift: an "old" blob missing some late fields and/or carrying an unknown key.</summary>
    public V1Drift RandomDrift()
    {
        var missing = Random.Bool(0.5f)
            ? Random.Shuffle(V1Drift.LateProjectFields).Take(Random.Int(1, V1Drift.LateProjectFields.Count)).ToList()
            : [];
        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Random.Bool(0.3f))
        {
            extra["legacy_" + _faker.Hacker.Noun().Replace(' ', '_')] = _faker.Lorem.Word();
        }

        return new V1Drift(missing, extra);
    }

    private static Dictionary<string, object?> ApplyDrift(Dictionary<string, object?> dict, V1Drift? drift)
    {
        if (drift is null)
        {
            return dict;
        }

        foreach (var key in drift.MissingKeys)
        {
            dict.Remove(key);
        }

        foreach (var (key, value) in drift.ExtraKeys)
        {
            dict[key] = value;
        }

        return dict;
    }

    /// <summary>A free-form dict using every type of the pickle value model.</summary>
    private Dictionary<string, object?> FreeDict(DateTime around) => new(StringComparer.Ordinal)
    {
        ["text"] = _faker.Lorem.Sentence(),
        ["count"] = (long)Random.Int(0, 1000),
        ["ratio"] = Random.Double(),
        ["whole_float"] = (double)Random.Int(0, 10),
        ["flag"] = Random.Bool(),
        ["none"] = null,
        ["when"] = around.AddTicks(Random.Long(0, TimeSpan.TicksPerDay / 10) * 10),
        ["day"] = DateOnly.FromDateTime(around),
        ["amount"] = decimal.Round(Random.Decimal(0, 1000), Random.Int(0, 4)),
        ["raw"] = Random.Bytes(Random.Int(0, 8)),
        ["pair"] = new object?[] { _faker.Lorem.Word(), (long)Random.Int(0, 9) },
        ["huge"] = BigInteger.Pow(2, 70) + Random.Int(0, 1000),
        ["tags"] = _faker.Lorem.Words(3).Cast<object?>().ToList(),
        ["nested"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["depth"] = 2L, ["items"] = new List<object?> { 1L, 2.5, "three" } },
    };
}
