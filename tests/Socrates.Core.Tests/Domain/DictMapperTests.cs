using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Domain.Dicts;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class DictMapperTests
{
    private readonly SocratesDataGenerator _generator = new(31);

    [Fact]
    public void ProjectToDictAndBack_EveryField_Equal()
    {
        var project = _generator.Project("o");
        var dict = ProjectContextDict.ToDict(project);
        Assert.Equal(ProjectContextDict.Keys.Append("legacy_flag"), dict.Keys);
        Assert.Empty(ProjectDiff.Compare(project, ProjectContextDict.FromDict(dict)));
        Assert.Empty(EntityComparer.Diff(dict, ProjectContextDict.ToDict(ProjectContextDict.FromDict(dict))));
    }

    [Fact]
    public void ProjectFromDict_OldBlobMissingLateFields_DocumentedDefaults()
    {
        var dict = SocratesDataGenerator.V1ProjectDict(_generator.Project("o"), new V1Drift(V1Drift.LateProjectFields, new Dictionary<string, object?>()));
        var project = ProjectContextDict.FromDict(dict);
        var defaults = new ProjectContext();
        Assert.Equal(defaults.Description, project.Description);
        Assert.Null(project.RepositoryUrl);
        Assert.Null(project.LlmConfiguration);
        Assert.Empty(project.CategorizedSpecs);
        Assert.Equal(0, project.RepositoryFileCount);
        Assert.False(project.RepositoryHasTests);
    }

    [Fact]
    public void ProjectFromDict_UnknownKeys_KeptInExtrasAndWrittenBack()
    {
        var dict = SocratesDataGenerator.V1ProjectDict(_generator.Project("o"));
        dict["future_field"] = new List<object?> { 1L, new DateTime(2025, 1, 1) };
        var project = ProjectContextDict.FromDict(dict);
        Assert.True(project.Extras.ContainsKey("future_field"));
        Assert.Empty(EntityComparer.Diff(dict, ProjectContextDict.ToDict(project)));
    }

    [Fact]
    public void ProjectFromDict_WrongTypeOrBadPhase_DictMappingExceptionNamingField()
    {
        var dict = SocratesDataGenerator.V1ProjectDict(_generator.Project("o"));
        dict["progress"] = "fifty";
        var error = Assert.Throws<DictMappingException>(() => ProjectContextDict.FromDict(dict));
        Assert.Equal(("ProjectContext", "progress"), (error.Entity, error.Field));
        dict["progress"] = 50L;
        dict["phase"] = "deployment";
        Assert.Equal("phase", Assert.Throws<DictMappingException>(() => ProjectContextDict.FromDict(dict)).Field);
        dict["phase"] = "design";
        dict.Remove("project_id");
        Assert.Equal("project_id", Assert.Throws<DictMappingException>(() => ProjectContextDict.FromDict(dict)).Field);
    }

    [Fact]
    public void ProjectFromDict_DocumentedWidenings_Applied()
    {
        var dict = SocratesDataGenerator.V1ProjectDict(_generator.Project("o"));
        dict["collaborators"] = null;
        dict["overall_maturity"] = 3L;
        dict["phase_maturity_scores"] = new Dictionary<string, object?> { ["design"] = 2L };
        dict["created_at"] = "2024-05-06T07:08:09.123456";
        var project = ProjectContextDict.FromDict(dict);
        Assert.Empty(project.Collaborators);
        Assert.Equal(3.0, project.OverallMaturity);
        Assert.Equal(2.0, project.PhaseMaturityScores["design"]);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9).AddTicks(1_234_560), project.CreatedAt);
    }

    [Fact]
    public void MessageDict_PartialKeysTextTimestampAndOddText_RoundTripExactly()
    {
        var messages = new List<Dictionary<string, object?>>
        {
            new() { ["role"] = "user", ["content"] = "hi" },
            new() { ["type"] = "answer", ["content"] = "x", ["timestamp"] = "2024-01-02T03:04:05.000001", ["phase"] = "design" },
            new() { ["content"] = "y", ["timestamp"] = "2024-01-02T03:04:05" },
            new() { ["content"] = "z", ["timestamp"] = "2024-01-02T03:04:05+00:00", ["tokens"] = 12L },
            new() { ["content"] = "w", ["timestamp"] = new DateTime(2024, 1, 2, 3, 4, 5) },
            new() { ["timestamp"] = null },
        };
        foreach (var dict in messages)
        {
            var message = MessageDict.FromDict(dict);
            Assert.Empty(EntityComparer.Diff(dict, MessageDict.ToDict(message)));
        }

        Assert.True(MessageDict.FromDict(messages[3]).Extras.ContainsKey("timestamp"));
    }

    [Fact]
    public void OtherEntities_ToDictAndBack_Equal()
    {
        var user = _generator.User();
        Assert.Empty(EntityComparer.Diff(user, UserDict.FromDict(UserDict.ToDict(user))));
        var note = _generator.Note("p", "u");
        Assert.Empty(EntityComparer.Diff(note, ProjectNoteDict.FromDict(ProjectNoteDict.ToDict(note))));
        var qe = _generator.QuestionEffectiveness("u");
        Assert.Empty(EntityComparer.Diff(qe, QuestionEffectivenessDict.FromDict(QuestionEffectivenessDict.ToDict(qe))));
        var pattern = _generator.BehaviorPattern("u");
        Assert.Empty(EntityComparer.Diff(pattern, UserBehaviorPatternDict.FromDict(UserBehaviorPatternDict.ToDict(pattern))));
        var document = _generator.KnowledgeDocument("p", "u");
        Assert.Empty(EntityComparer.Diff(document, KnowledgeBaseDocumentDict.FromDict(KnowledgeBaseDocumentDict.ToDict(document))));
        var config = _generator.ProviderConfig("u");
        Assert.Empty(EntityComparer.Diff(config, LlmProviderConfigDict.FromDict(LlmProviderConfigDict.ToDict(config))));
        var usage = _generator.Usage("u");
        Assert.Empty(EntityComparer.Diff(usage, LlmUsageRecordDict.FromDict(LlmUsageRecordDict.ToDict(usage))));
        var key = _generator.ApiKey("u");
        Assert.Empty(EntityComparer.Diff(key, ApiKeyDict.FromDict(ApiKeyDict.ToDict(key))));
        var keyColumns = ApiKeyDict.ToDict(key);
        keyColumns["created_at"] = "2024-01-01 10:00:00";
        Assert.Equal(new DateTime(2024, 1, 1, 10, 0, 0), ApiKeyDict.FromDict(keyColumns).CreatedAt);
    }
}
