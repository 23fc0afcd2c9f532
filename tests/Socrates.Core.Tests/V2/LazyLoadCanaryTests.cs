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
    public async Task LoadProject_LoadDelayFailpoint_MetadataLoadsTakeLongerByTheDelayAndAnswerTheSame()
    {
        // The point-load regression gate's canary. Clean and delayed loads alternate, so both see the
        // same machine; the fastest delayed load must exceed the fastest clean one by at least half
        // the delay (the spin waits for a Stopwatch deadline, so it only ever adds time).
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(4).Project("owner", ProjectShape.Small);
        await test.Database.SaveProjectAsync(project, null);
        var clean = await test.Database.LoadProjectAsync(project.ProjectId);

        var fastestClean = TimeSpan.MaxValue;
        var fastestDelayed = TimeSpan.MaxValue;
        for (var i = 0; i < 50; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await test.Database.LoadProjectAsync(project.ProjectId);
            fastestClean = TimeSpan.FromTicks(Math.Min(fastestClean.Ticks, watch.Elapsed.Ticks));
            using (Failpoint.Enable(V2Failpoints.LoadDelay))
            {
                watch.Restart();
                var delayed = await test.Database.LoadProjectAsync(project.ProjectId);
                fastestDelayed = TimeSpan.FromTicks(Math.Min(fastestDelayed.Ticks, watch.Elapsed.Ticks));
                Assert.Equal(clean!.Version, delayed!.Version);
                Assert.False(delayed.ConversationHistoryLoaded);
            }
        }

        var added = fastestDelayed - fastestClean;
        Assert.True(added >= TimeSpan.FromMicroseconds(V2Failpoints.LoadDelayMicroseconds / 2.0),
            $"fastest load {fastestClean.TotalMicroseconds:F0} us clean, {fastestDelayed.TotalMicroseconds:F0} us under {V2Failpoints.LoadDelay}");
    }
}
