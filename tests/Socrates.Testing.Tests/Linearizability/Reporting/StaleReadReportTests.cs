using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;
using static Socrates.Testing.Tests.Linearizability.RegisterHistories;

namespace Socrates.Testing.Tests.Linearizability.Reporting;

/// <summary>
/// A history refuted by a stale read names the three operations that make it one: the read, the
/// write it read from, and the write that overwrote it before the read began.
/// </summary>
[Trait("Category", "Unit")]
public sealed class StaleReadReportTests
{
    [Fact]
    public void Render_RegisterStaleRead_CauseNamesReadSourceAndOverwriter()
    {
        var history = New()
            .Invoke(0, W(1)).Ok(0, Done)
            .Invoke(2, W(2)).Ok(2, Done)
            .Invoke(1, R()).Ok(1, Saw(1))
            .Build();

        var result = Check(history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Contains(
            "Cause: a stale read: #2 read -> 1 (client 1, t=5..6) read from #0 write 1 (client 0, t=1..2), but #1 write 2 (client 2, t=3..4) overwrote it after that write completed and completed before the read began.",
            TimelineRenderer.Render(result),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StaleGetTooDearToSearch_ReportsTheThreeOperationsOnly()
    {
        // 40 appends that never return make the search's short probe give up (puts no read sees
        // would not: the search never tries those); the cheap check alone refutes the get.
        var builder = new HistoryBuilder<KeyValueInput, string?>();
        for (var i = 0; i < 40; i++)
        {
            builder.Invoke(10 + i, KeyValueInput.Append("k", $"p{i}"));
        }

        var history = builder
            .Invoke(0, KeyValueInput.Put("k", "x")).Ok(0, null)
            .Invoke(1, KeyValueInput.Append("k", "a")).Ok(1, null)
            .Invoke(2, KeyValueInput.Put("k", "y")).Ok(2, null)
            .Invoke(3, KeyValueInput.Get("k")).Ok(3, "xa")
            .Build();
        var id = history.ToDictionary(o => (o.Input.Kind, o.Input.Value ?? o.Output), o => o.Id);

        var result = LinearizabilityChecker.Check(new KeyValueModel(), history);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        var violation = result.Violation!;
        Assert.Equal(
            [id[(KeyValueOperationKind.Put, "x")], id[(KeyValueOperationKind.Put, "y")], id[(KeyValueOperationKind.Get, "xa")]],
            violation.Operations.Select(o => o.Id));
        var report = TimelineRenderer.Render(result);
        Assert.Contains("found by the cheap check that precedes the search: a read of an overwritten value", report, StringComparison.Ordinal);
        Assert.Contains(
            $"Cause: a stale read: #{id[(KeyValueOperationKind.Get, "xa")]} get k -> \"xa\" (client 3, t=",
            report,
            StringComparison.Ordinal);
        Assert.Contains(
            $"read from #{id[(KeyValueOperationKind.Put, "x")]} put k \"x\" (client 0, t=",
            report,
            StringComparison.Ordinal);
        Assert.Contains(
            $"but #{id[(KeyValueOperationKind.Put, "y")]} put k \"y\" (client 2, t=",
            report,
            StringComparison.Ordinal);
        Assert.Contains("Could not place", report, StringComparison.Ordinal);
        Assert.Contains("get k -> \"xa\" but the state is {k: y}", report, StringComparison.Ordinal);
    }
}
