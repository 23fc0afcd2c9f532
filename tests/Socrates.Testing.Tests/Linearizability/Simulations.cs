using System.Globalization;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>Histories of simulated linearizable objects, and defects injected into them.</summary>
internal static class Simulations
{
    /// <summary>A key-value store on <paramref name="keys"/> keys (see <see cref="KeyValueSimulation"/>).</summary>
    public static History<KeyValueInput, string?> KeyValue(SimulationOptions options, int keys) => KeyValueSimulation.Run(options, keys);

    /// <summary>A register of ints: half reads, half writes of unique values (1, 2, 3, ...), initially 0.</summary>
    public static History<RegisterInput<int>, RegisterOutput<int>> Register(SimulationOptions options)
    {
        var next = 0;
        return AtomicObjectSimulator.Run<int, RegisterInput<int>, RegisterOutput<int>>(
            options,
            0,
            (random, _) => random.Next(2) == 0 ? RegisterInput<int>.Read() : RegisterInput<int>.Write(++next),
            (value, input) => input.Kind == RegisterOperationKind.Read
                ? (RegisterOutput<int>.Read(value), value)
                : (RegisterOutput<int>.Written, input.Value));
    }

    /// <summary>
    /// Makes one completed read stale: it answers the value of a write Wold although another write
    /// Wnew started after Wold completed and completed before the read started. With unique
    /// values no order can explain it. Null when the history has no such read.
    /// </summary>
    public static History<RegisterInput<int>, RegisterOutput<int>>? InjectStaleRead(History<RegisterInput<int>, RegisterOutput<int>> history, int choice)
    {
        var writes = history.Where(o => o.Status == OperationStatus.Ok && o.Input.Kind == RegisterOperationKind.Write).ToList();
        var candidates = (
            from read in history
            where read.Status == OperationStatus.Ok && read.Input.Kind == RegisterOperationKind.Read
            from newer in writes
            where newer.Precedes(read)
            from older in writes
            where older.Precedes(newer)
            select (Read: read, Stale: older.Input.Value)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (target, stale) = candidates[choice % candidates.Count];
        return new History<RegisterInput<int>, RegisterOutput<int>>(
            history.Select(o => o.Id == target.Id ? o with { Output = RegisterOutput<int>.Read(stale) } : o));
    }

    /// <summary>
    /// Makes one completed get stale: it answers the value a put P0 left, although another put P1 on
    /// the same key started after P0 completed and completed before the get started. Null if none.
    /// </summary>
    public static History<KeyValueInput, string?>? InjectStaleGet(History<KeyValueInput, string?> history, int choice)
    {
        var puts = history.Where(o => o.Status == OperationStatus.Ok && o.Input.Kind == KeyValueOperationKind.Put).ToList();
        var candidates = (
            from get in history
            where get.Status == OperationStatus.Ok && get.Input.Kind == KeyValueOperationKind.Get
            from newer in puts
            where newer.Input.Key == get.Input.Key && newer.Precedes(get)
            from older in puts
            where older.Input.Key == get.Input.Key && older.Precedes(newer)
            select (Get: get, Stale: older.Input.Value)).Take(choice + 1).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (target, stale) = candidates[^1];
        return new History<KeyValueInput, string?>(history.Select(o => o.Id == target.Id ? o with { Output = stale } : o));
    }
}
