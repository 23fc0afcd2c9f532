using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

/// <summary>The speed-up gates' canary really turns lazy loading off, and only under the failpoint.</summary>
[Trait("Category", "Unit")]
public sealed class LazyLoadCanaryTests
{
    [Fact]
    public async Task LoadProject_EagerHistoryFailpoint_MetadataLoadReadsHistory()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(3).Project("owner", ProjectShape.Small);
        await test.Database.SaveProjectAsync(project, null);

        var lazy = await test.Database.LoadProjectAsync(project.ProjectId);
        Assert.False(lazy!.ConversationHistoryLoaded);

        using (Failpoint.Enable(V2Failpoints.LoadEagerHistory))
        {
            var eager = await test.Database.LoadProjectAsync(project.ProjectId);
            Assert.True(eager!.ConversationHistoryLoaded);
            Assert.Equal(project.ConversationHistory.Count, eager.ConversationHistory.Count);

            var listed = await test.Database.GetUserProjectsAsync("owner");
            Assert.All(listed, p => Assert.True(p.ConversationHistoryLoaded));
        }
    }
}
