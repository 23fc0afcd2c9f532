using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Tests.Linearizability.Histories;

[Trait("Category", "Unit")]
public sealed class HistoryRecorderTests
{
    [Fact]
    public void Complete_Sequential_TimesStrictlyIncrease()
    {
        var recorder = new HistoryRecorder<string, int>();
        var a = recorder.Invoke(0, "a");
        recorder.Complete(a, 1);
        var b = recorder.Invoke(1, "b");
        recorder.Fail(b);
        var c = recorder.Invoke(2, "c");
        recorder.Indeterminate(c);

        var history = recorder.ToHistory();

        Assert.Equal(3, history.Count);
        Assert.Equal((1L, 2L, OperationStatus.Ok, 1), (history[0].InvokedAt, history[0].CompletedAt, history[0].Status, history[0].Output));
        Assert.Equal((3L, 4L, OperationStatus.Failed), (history[1].InvokedAt, history[1].CompletedAt, history[1].Status));
        Assert.Equal((5L, Operation<string, int>.Never, OperationStatus.Indeterminate), (history[2].InvokedAt, history[2].CompletedAt, history[2].Status));
    }

    [Fact]
    public void Complete_Twice_Throws()
    {
        var recorder = new HistoryRecorder<string, int>();
        var op = recorder.Invoke(0, "a");
        recorder.Complete(op, 1);

        var error = Assert.Throws<InvalidOperationException>(() => recorder.Complete(op, 2));
        Assert.Contains("already completed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_OperationOfOtherRecorder_Throws()
    {
        var op = new HistoryRecorder<string, int>().Invoke(0, "a");

        Assert.Throws<InvalidOperationException>(() => new HistoryRecorder<string, int>().Complete(op, 1));
    }

    [Fact]
    public void ToHistory_OpenOperation_Indeterminate()
    {
        var recorder = new HistoryRecorder<string, int>();
        recorder.Invoke(0, "a");

        var op = Assert.Single(recorder.ToHistory());
        Assert.Equal(OperationStatus.Indeterminate, op.Status);
        Assert.Equal(1, recorder.OpenCount);
    }

    [Fact]
    public async Task Invoke_ConcurrentClients_UniqueIdsAndTimes()
    {
        var recorder = new HistoryRecorder<int, int>();
        var clients = Enumerable.Range(0, 8).Select(client => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var op = recorder.Invoke(client, i);
                recorder.Complete(op, i);
            }
        }));
        await Task.WhenAll(clients);

        var history = recorder.ToHistory();

        Assert.Equal(4000, history.Count);
        Assert.Equal(4000, history.Select(o => o.Id).Distinct().Count());
        var times = history.SelectMany(o => new[] { o.InvokedAt, o.CompletedAt }).ToList();
        Assert.Equal(8000, times.Distinct().Count());
        Assert.All(history, o => Assert.True(o.CompletedAt > o.InvokedAt));
        foreach (var client in history.GroupBy(o => o.Client))
        {
            var ordered = client.OrderBy(o => o.InvokedAt).ToList();
            Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.Precedes(pair.Second)));
        }
    }

    [Fact]
    public void History_CompletionNotAfterInvocation_Throws()
    {
        var bad = new Operation<string, int>(0, 0, "a", 0, 5, 5, OperationStatus.Ok);

        var error = Assert.Throws<ArgumentException>(() => new History<string, int>([bad]));
        Assert.Contains("completes at 5, not after its invocation at 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void History_DuplicateIds_Throws()
    {
        var a = new Operation<string, int>(0, 0, "a", 0, 1, 2, OperationStatus.Ok);

        Assert.Throws<ArgumentException>(() => new History<string, int>([a, a with { InvokedAt = 3, CompletedAt = 4 }]));
    }

    [Fact]
    public void Builder_SecondInvokeOnOpenClient_Throws()
    {
        var builder = new HistoryBuilder<string, int>().Invoke(0, "a");

        Assert.Throws<InvalidOperationException>(() => builder.Invoke(0, "b"));
        Assert.Throws<InvalidOperationException>(() => builder.Ok(1, 0));
    }
}
