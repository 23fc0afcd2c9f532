using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Validation;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class MessageOperationTests
{
    private readonly SocratesDataGenerator _generator = new(77);

    [Fact]
    public async Task GetProjectMessages_Pages_ConcatenateToFullHistory()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = _generator.Project("alice", ProjectShape.Default with { Messages = 53 });
        await test.Database.SaveProjectAsync(project, null);
        var pages = new List<ConversationMessage>();
        for (var offset = 0; ; offset += 10)
        {
            var page = await test.Database.GetProjectMessagesAsync(project.ProjectId, offset, 10);
            pages.AddRange(page);
            if (page.Count < 10)
            {
                break;
            }
        }

        Assert.Empty(EntityComparer.Diff(project.ConversationHistory, pages));
        Assert.Equal(53, await test.Database.CountProjectMessagesAsync(project.ProjectId));
        Assert.Empty(await test.Database.GetProjectMessagesAsync(project.ProjectId, 53, 10));
        Assert.Empty(await test.Database.GetProjectMessagesAsync("absent", 0, 10));
    }

    [Fact]
    public async Task AppendMessage_Existing_PositionsDenseAndVersionBumped()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("alice", ProjectShape.Default with { Messages = 3 });
        await db.SaveProjectAsync(project, null);
        var message = _generator.Message(Phase.Analysis, _generator.Timestamp());
        Assert.Equal(3, await db.AppendMessageAsync(project.ProjectId, message));
        Assert.Equal(4, await db.AddMessageToProjectAsync(project.ProjectId, message));
        Assert.Equal(3, await db.GetProjectVersionAsync(project.ProjectId));
        var page = await db.GetProjectMessagesAsync(project.ProjectId, 3, 5);
        Assert.Equal(2, page.Count);
        Assert.Empty(EntityComparer.Diff(message, page[0]));
    }

    [Fact]
    public async Task AppendMessage_AbsentProject_NullNothingWritten()
    {
        await using var test = await TestDatabase.CreateAsync();
        Assert.Null(await test.Database.AppendMessageAsync("absent", new ConversationMessage { Content = "hi" }));
        Assert.Equal(0, await test.Database.CountProjectMessagesAsync("absent"));
    }

    [Fact]
    public async Task AppendMessage_ConcurrentWithStaleFullSave_SaveConflictsMessageKept()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var project = _generator.Project("alice", ProjectShape.Default with { Messages = 2 });
        await db.SaveProjectAsync(project, null);
        var stale = (await db.LoadProjectAsync(project.ProjectId, ProjectLoad.Full))!;
        await db.AppendMessageAsync(project.ProjectId, new ConversationMessage { Content = "appended" });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => db.SaveProjectAsync(stale, stale.Version));
        Assert.Equal(3, await db.CountProjectMessagesAsync(project.ProjectId));
    }

    [Fact]
    public async Task GetProjectMessages_LimitAboveMaximum_ValidationError()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.MaxPageSize = 50);
        var error = await Assert.ThrowsAsync<ValidationException>(() => test.Database.GetProjectMessagesAsync("p", 0, 51));
        Assert.Equal("limit", error.Field);
    }
}
