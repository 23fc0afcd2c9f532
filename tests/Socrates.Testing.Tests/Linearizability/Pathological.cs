using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>Histories that make any exhaustive search explode.</summary>
internal static class Pathological
{
    /// <summary>
    /// <paramref name="writers"/> concurrent writes of distinct values, all overlapping a read
    /// that answers a value nobody wrote: proving it not linearizable means trying every subset
    /// of writes before the read (2^writers configurations).
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> Register(int writers)
    {
        var builder = new HistoryBuilder<RegisterInput<int>, RegisterOutput<int>>();
        builder.Invoke(writers, RegisterInput<int>.Read());
        for (var i = 0; i < writers; i++)
        {
            builder.Invoke(i, RegisterInput<int>.Write(i + 1));
        }

        for (var i = 0; i < writers; i++)
        {
            builder.Ok(i, RegisterOutput<int>.Written);
        }

        return builder.Ok(writers, RegisterOutput<int>.Read(-1)).Build();
    }
}
