using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>Histories that make any exhaustive search explode.</summary>
internal static class Pathological
{
    /// <summary>
    /// <paramref name="writers"/> concurrent writes of distinct values (1, 2, ...), then, after all
    /// of them completed, reads of 1, of 2, and of 1 again. Each value read was written by a write
    /// that no completed write followed, so no cheap check refutes it; proving it not linearizable
    /// means trying every subset and order of the writes (about 2^writers configurations).
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> Register(int writers)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        for (var i = 0; i < writers; i++)
        {
            builder.Invoke(i, RegisterInput<int>.Write(i + 1));
        }

        for (var i = 0; i < writers; i++)
        {
            builder.Ok(i, RegisterOutput<int>.Written);
        }

        foreach (var (client, seen) in new[] { (writers, 1), (writers + 1, 2), (writers + 2, 1) })
        {
            builder.Invoke(client, RegisterInput<int>.Read()).Ok(client, RegisterOutput<int>.Read(seen));
        }

        return builder.Build();
    }

    /// <summary>
    /// <paramref name="writers"/> writes that never complete (pending), then a read of a value
    /// none of them writes: refuted before any search, however many writes are pending.
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> PendingWritesThenUnwrittenRead(int writers)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        for (var i = 0; i < writers; i++)
        {
            builder.Invoke(i, RegisterInput<int>.Write(i + 1));
        }

        builder.Invoke(writers, RegisterInput<int>.Read());
        return builder.Ok(writers, RegisterOutput<int>.Read(-1)).Build();
    }
}
