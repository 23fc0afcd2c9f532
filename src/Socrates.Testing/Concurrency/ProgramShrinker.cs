using System.Diagnostics;
using Socrates.Testing.Linearizability.Checking;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// Greedy shrinking of a failing <see cref="ConcurrentProgram"/>: try, in turn, dropping a whole
/// client, the prefix, the suffix, then each single step; keep the first smaller candidate that
/// still fails and start again, until no candidate fails or the budget is spent. Interleavings
/// vary from run to run, so each candidate is run up to <see cref="ShrinkOptions.TriesPerCandidate"/>
/// times and counts as failing if any run is not linearizable.
/// </summary>
public static class ProgramShrinker
{
    /// <summary>Shrinks <paramref name="failing"/> (whose failing run is <paramref name="failure"/>).</summary>
    public static async Task<ShrinkResult> ShrinkAsync(
        ConcurrentProgram failing,
        ProgramRunResult failure,
        ProgramRunOptions? runOptions = null,
        ShrinkOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failing);
        ArgumentNullException.ThrowIfNull(failure);
        options ??= ShrinkOptions.Default;
        var started = Stopwatch.GetTimestamp();
        var current = failing;
        var currentFailure = failure;
        var runs = 0;
        var steps = 0;
        var exhausted = false;
        var improved = true;
        while (improved && !exhausted)
        {
            improved = false;
            foreach (var candidate in Candidates(current))
            {
                if (Stopwatch.GetElapsedTime(started) > options.Budget)
                {
                    exhausted = true;
                    break;
                }

                for (var attempt = 0; attempt < options.TriesPerCandidate; attempt++)
                {
                    runs++;
                    var result = await DatabaseProgramRunner.RunAsync(candidate, runOptions, cancellationToken).ConfigureAwait(false);
                    if (result.Outcome == CheckOutcome.NotLinearizable)
                    {
                        current = candidate;
                        currentFailure = result;
                        steps++;
                        improved = true;
                        break;
                    }
                }

                if (improved)
                {
                    break;
                }
            }
        }

        return new ShrinkResult(failing, current, currentFailure, steps, runs, exhausted);
    }

    /// <summary>Smaller programs, biggest cuts first.</summary>
    internal static IEnumerable<ConcurrentProgram> Candidates(ConcurrentProgram p)
    {
        for (var c = 0; c < p.Clients.Count && p.Clients.Count > 1; c++)
        {
            yield return p with { Clients = [.. p.Clients.Where((_, i) => i != c)] };
        }

        if (p.Prefix.Count > 0)
        {
            yield return p with { Prefix = [] };
        }

        if (p.Suffix.Count > 0)
        {
            yield return p with { Suffix = [] };
        }

        for (var i = 0; i < p.Prefix.Count; i++)
        {
            yield return p with { Prefix = Without(p.Prefix, i) };
        }

        for (var c = 0; c < p.Clients.Count; c++)
        {
            for (var i = 0; i < p.Clients[c].Count; i++)
            {
                var clients = p.Clients.ToList();
                clients[c] = Without(p.Clients[c], i);
                yield return p with { Clients = [.. clients.Where(x => x.Count > 0)] };
            }
        }

        for (var i = 0; i < p.Suffix.Count; i++)
        {
            yield return p with { Suffix = Without(p.Suffix, i) };
        }
    }

    private static List<ProgramOperation> Without(IReadOnlyList<ProgramOperation> steps, int index) =>
        [.. steps.Where((_, i) => i != index)];
}
