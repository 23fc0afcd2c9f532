using System.Globalization;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Linearizability.Simulation;

/// <summary>
/// Histories of a simulated linearizable key-value store: what the checker's tests, its scale
/// test and its benchmark check (a history that is linearizable by construction).
/// </summary>
public static class KeyValueSimulation
{
    /// <summary>A key-value store: 50% get, 25% put, 25% append, on <paramref name="keys"/> keys; every written token unique.</summary>
    public static History<KeyValueInput, string?> Run(SimulationOptions options, int keys)
    {
        var next = 0;
        return AtomicObjectSimulator.Run<Dictionary<string, string>, KeyValueInput, string?>(
            options,
            new Dictionary<string, string>(StringComparer.Ordinal),
            (random, client) =>
            {
                var key = "k" + random.Next(keys).ToString(CultureInfo.InvariantCulture);
                var token = string.Create(CultureInfo.InvariantCulture, $"{client}.{next++};");
                return random.Next(4) switch
                {
                    0 or 1 => KeyValueInput.Get(key),
                    2 => KeyValueInput.Put(key, "p" + token),
                    _ => KeyValueInput.Append(key, "a" + token),
                };
            },
            (store, input) =>
            {
                // One mutable dictionary is enough: the simulator applies effects one after another.
                store.TryGetValue(input.Key, out var current);
                switch (input.Kind)
                {
                    case KeyValueOperationKind.Get:
                        return (current, store);
                    case KeyValueOperationKind.Put:
                        store[input.Key] = input.Value!;
                        return (null, store);
                    default:
                        store[input.Key] = current + input.Value;
                        return (null, store);
                }
            });
    }
}
