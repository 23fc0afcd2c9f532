using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;
using static Socrates.Testing.Tests.Linearizability.RegisterHistories;

namespace Socrates.Testing.Tests.Linearizability.Reporting;

[Trait("Category", "Unit")]
public sealed class TimelineRendererTests
{
    [Fact]
    public void Render_Linearizable_OneLineVerdict()
    {
        var text = TimelineRenderer.Render(Check(New().Invoke(0, W(1)).Ok(0, Done).Build()));

        Assert.Equal("LINEARIZABLE: 1 operations in 1 partition(s)" + Environment.NewLine, text);
    }

    [Fact]
    public void Render_StaleRead_LanesBarsOrderAndReason()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, W(2))
            .Invoke(1, R()).Ok(1, Saw(1))
            .Ok(0, Done)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        var text = TimelineRenderer.Render(Check(history));
        var lines = text.Split(Environment.NewLine);

        var lane0 = Assert.Single(lines, l => l.StartsWith("  client 0 ", StringComparison.Ordinal));
        var lane1 = Assert.Single(lines, l => l.StartsWith("  client 1 ", StringComparison.Ordinal));
        Assert.Contains("[#0 write 1]", lane0, StringComparison.Ordinal);
        Assert.Contains("[#1 write 2", lane0, StringComparison.Ordinal);
        Assert.Contains("[#2 read -> 1]", lane1, StringComparison.Ordinal);
        Assert.Contains("[#3 read -> 1]", lane1, StringComparison.Ordinal);

        // Overlap is visible: write 2 starts before read #2 starts and ends after it ends.
        Assert.True(lane0.IndexOf("[#1", StringComparison.Ordinal) < lane1.IndexOf("[#2", StringComparison.Ordinal));
        Assert.True(lane0.IndexOf(']', lane0.IndexOf("[#1", StringComparison.Ordinal)) > lane1.IndexOf(']', lane1.IndexOf("[#2", StringComparison.Ordinal)));

        Assert.Contains("    1. #0     write 1", text, StringComparison.Ordinal);
        Assert.Contains("Could not place #3 (client 1, t=7..8), whose completion had passed: read -> 1 but the state is 2.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IndeterminateAndContextOperations_Marked()
    {
        // Client 2's write never completes; the stale read #2 fails; #3 overlaps the failing prefix's end.
        var history = New()
            .Invoke(2, W(9)).Info(2)
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(0, W(2)).Ok(0, Done)
            .Invoke(1, R())
            .Invoke(0, W(3))
            .Ok(1, Saw(1))
            .Ok(0, Done)
            .Build();

        var result = Check(history);
        var text = TimelineRenderer.Render(result);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Contains(result.Violation!.ContextOperationIds, id => id == 4);
        Assert.Contains("~>", text, StringComparison.Ordinal);
        Assert.Contains("(#4 write 3", text, StringComparison.Ordinal);
        Assert.Contains("(later, not judged)", text, StringComparison.Ordinal);
        Assert.Contains("(indeterminate)", text, StringComparison.Ordinal);
        Assert.EndsWith("read -> 1 but the state is 2." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Unknown_SaysNoVerdict()
    {
        var result = LinearizabilityChecker.Check(new RegisterModel<int>(0), Pathological.Register(30), new CheckOptions { Timeout = TimeSpan.FromMilliseconds(10) });

        var text = TimelineRenderer.Render(result);

        Assert.StartsWith("UNKNOWN", text, StringComparison.Ordinal);
        Assert.Contains("no verdict", text, StringComparison.Ordinal);
    }
}
