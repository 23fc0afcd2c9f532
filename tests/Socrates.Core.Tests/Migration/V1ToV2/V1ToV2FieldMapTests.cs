using Socrates.Core.Domain.Dicts;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Core.V1;

namespace Socrates.Core.Tests.Migration.V1ToV2;

[Trait("Category", "Unit")]
public sealed class V1ToV2FieldMapTests
{
    public static TheoryData<string, string[]> DomainKeys => new()
    {
        { V1Schema.Users, [.. UserDict.Keys] },
        { V1Schema.Projects, [.. ProjectContextDict.Keys] },
        { V1Schema.ProjectNotes, [.. ProjectNoteDict.Keys] },
        { V1Schema.QuestionEffectiveness, [.. QuestionEffectivenessDict.Keys] },
        { V1Schema.BehaviorPatterns, [.. UserBehaviorPatternDict.Keys] },
        { V1Schema.KnowledgeDocuments, [.. KnowledgeBaseDocumentDict.Keys] },
        { V1Schema.LlmProviderConfigs, [.. LlmProviderConfigDict.Keys] },
        { V1Schema.LlmUsage, [.. LlmUsageRecordDict.Keys] },
        { V1Schema.ApiKeys, [.. ApiKeyDict.Keys] },
        { V1ToV2FieldMap.Messages, ["role", "type", "content", "timestamp", "phase"] },
        { V1ToV2FieldMap.TeamMembers, ["username", "role", "skills", "joined_at"] },
    };

    [Theory]
    [MemberData(nameof(DomainKeys))]
    public void Find_EveryDomainKey_IsMappedOrDroppedWithAReason(string entity, string[] keys)
    {
        var missing = keys.Where(k => V1ToV2FieldMap.Find(entity, k) is null).ToList();
        Assert.True(missing.Count == 0, $"{entity}: not in the field map: {string.Join(", ", missing)}");
        Assert.All(V1ToV2FieldMap.EntriesOf(entity), e => Assert.True(e.IsDropped ? e.DroppedReason!.Length > 0 : e.Table is not null && e.Column is not null, e.ToString()));
    }

    [Fact]
    public void EntriesOf_MapListsNoKeyTheDomainDoesNotKnow()
    {
        var known = DomainKeys.ToDictionary(row => (string)row[0], row => ((string[])row[1]).ToHashSet(StringComparer.Ordinal));
        foreach (var entity in V1ToV2FieldMap.Entities)
        {
            Assert.All(V1ToV2FieldMap.EntriesOf(entity), e => Assert.Contains(e.Key, known[entity]));
        }
    }

    [Fact]
    public void IsAccounted_UnknownKeyWithExtrasColumn_TrueWithoutExtrasColumn_False()
    {
        Assert.True(UnmappedKeyScanner.IsAccounted(V1Schema.Projects, "legacy_widget"));
        Assert.True(UnmappedKeyScanner.IsAccounted(V1ToV2FieldMap.Messages, "tokens"));
        Assert.False(UnmappedKeyScanner.IsAccounted(V1Schema.ApiKeys, "legacy_widget"));
    }

    [Fact]
    public void IsAccounted_ForgetFieldCanary_ConversationHistoryUnaccounted()
    {
        Assert.True(UnmappedKeyScanner.IsAccounted(V1Schema.Projects, "conversation_history"));
        using (Failpoint.Enable(V1ToV2Failpoints.ForgetConversationHistory))
        {
            Assert.False(UnmappedKeyScanner.IsAccounted(V1Schema.Projects, "conversation_history"));
        }
    }
}
