using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Domain.Values;
using Socrates.Core.V2;
using Socrates.Core.V2.Rows;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

/// <summary>
/// Messages are read as three packed columns (a JSON array of the short texts, the content, the
/// flags): every text that JSON must escape, NUL, nulls, repeats and every flag combination come
/// back exactly, through the full load and through the pages.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MessageRowsTests
{
    private static readonly DateTime s_at = new(2025, 3, 4, 5, 6, 7, 123, 456);

    public static TheoryData<string, ConversationMessage> Awkward => new()
    {
        { "quotes and backslashes", new() { Role = "us\"er", Type = "a\\b", Phase = "\\\"", Content = "say \"hi\" \\o/", Timestamp = s_at } },
        { "NUL and controls", new() { Role = "\0", Type = "\u001f\n\t\r\b\f", Phase = "x\0y", Content = "c\0d", Timestamp = s_at } },
        { "JSON-looking text", new() { Role = "null", Type = "[\"a\",null]", Phase = ",", Content = "]", Timestamp = s_at } },
        { "non-ASCII", new() { Role = "\U0001F600\uFFFD", Type = "é", Phase = "日本", Content = "\U0001F600", Timestamp = s_at } },
        { "all null", new() { Role = null, Type = null, Phase = null, Content = null, Timestamp = null, PresentKeys = MessageKeys.None } },
        { "empty strings", new() { Role = "", Type = "", Phase = "", Content = "", Timestamp = s_at, TimestampIsText = true } },
        { "some keys", new() { Role = "user", Content = "x", Timestamp = s_at, PresentKeys = MessageKeys.Role | MessageKeys.Content | MessageKeys.Timestamp } },
        {
            "extras", new()
            {
                Role = "assistant", Content = "y", Timestamp = s_at,
                Extras = new(StringComparer.Ordinal) { ["model"] = "m\"1", ["tokens"] = 12L, ["nested"] = new List<object?> { null, "{}" } },
            }
        },
        { "extras text {}", new() { Role = "user", Content = "{}", Timestamp = s_at, Extras = new(StringComparer.Ordinal) { ["{}"] = "{}" } } },
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task LoadFull_AwkwardMessage_ExactlyAsSaved(string name, ConversationMessage message)
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(91).Project("alice", ProjectShape.Small);
        project.ConversationHistory = [message, Copy(message), new ConversationMessage { Role = "user", Content = "after", Timestamp = s_at }];
        await test.Database.SaveProjectAsync(project, null);

        var loaded = await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
        var paged = await test.Database.GetProjectMessagesAsync(project.ProjectId, 0, 10);

        Assert.Empty(EntityComparer.Diff(project.ConversationHistory, loaded!.ConversationHistory));
        Assert.Empty(EntityComparer.Diff(project.ConversationHistory, paged));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task LoadFull_RepeatedAndChangingTexts_EachMessageItsOwnValues()
    {
        // The reader reuses the previous message's string when the text repeats: a change must never be missed.
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(92).Project("alice", ProjectShape.Small);
        string?[] roles = ["user", "user", "users", "use", null, "user", "", "user"];
        project.ConversationHistory = roles.Select((r, i) => new ConversationMessage { Role = r, Type = i % 3 == 0 ? "q" : "a", Content = $"m{i}", Timestamp = s_at.AddSeconds(i) }).ToList();
        await test.Database.SaveProjectAsync(project, null);

        var loaded = await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);

        Assert.Equal(roles, loaded!.ConversationHistory.Select(m => m.Role));
        Assert.Empty(EntityComparer.Diff(project.ConversationHistory, loaded.ConversationHistory));
    }

    [Fact]
    public void EmptyDictJson_IsWhatPyJsonWritesForAnEmptyDict()
    {
        // Saves skip the JSON writer for empty extras and loads skip the parser: both rely on this text.
        Assert.Equal(ProjectRows.EmptyDictJson, PyJson.Serialize(new Dictionary<string, object?>(StringComparer.Ordinal)));
        Assert.Empty(PyJson.DeserializeDict(ProjectRows.EmptyDictJson));
    }

    private static ConversationMessage Copy(ConversationMessage m) => new()
    {
        Role = m.Role,
        Type = m.Type,
        Content = m.Content,
        Timestamp = m.Timestamp,
        TimestampIsText = m.TimestampIsText,
        Phase = m.Phase,
        PresentKeys = m.PresentKeys,
        Extras = new(m.Extras, StringComparer.Ordinal),
    };
}
