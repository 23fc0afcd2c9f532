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

    [Fact]
    public async Task LoadProject_LoadDelayFailpoint_EveryMetadataLoadSpinsTheDelayAndAnswersTheSame()
    {
        // The point-load regression gate's canary, counted rather than timed (a timed comparison of
        // loads is at the mercy of coverage and a shared machine): every metadata load under the
        // failpoint spins at least the delay, no clean load spins, and the answers do not change.
        // No other test enables this failpoint, so the process-wide counter's deltas are this test's.
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(4).Project("owner", ProjectShape.Small);
        await test.Database.SaveProjectAsync(project, null);

        var before = V2Failpoints.LoadDelaysInjected;
        var clean = await test.Database.LoadProjectAsync(project.ProjectId);
        await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
        Assert.Equal(before, V2Failpoints.LoadDelaysInjected);

        const int Loads = 5;
        var ticksBefore = V2Failpoints.LoadDelayTicksSpun;
        using (Failpoint.Enable(V2Failpoints.LoadDelay))
        {
            for (var i = 0; i < Loads; i++)
            {
                var delayed = await test.Database.LoadProjectAsync(project.ProjectId);
                Assert.Equal(clean!.Version, delayed!.Version);
                Assert.Equal(clean.ProjectId, delayed.ProjectId);
                Assert.False(delayed.ConversationHistoryLoaded);
            }
        }

        Assert.Equal(before + Loads, V2Failpoints.LoadDelaysInjected);
        var spun = TimeSpan.FromSeconds((V2Failpoints.LoadDelayTicksSpun - ticksBefore) / (double)System.Diagnostics.Stopwatch.Frequency);
        Assert.True(spun >= TimeSpan.FromMicroseconds(Loads * V2Failpoints.LoadDelayMicroseconds), $"{Loads} delayed loads spun {spun.TotalMicroseconds:F0} us in all");
    }
}
