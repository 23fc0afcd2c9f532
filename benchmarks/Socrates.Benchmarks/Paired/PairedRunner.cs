using Socrates.Evidence;
using System.Diagnostics;

namespace Socrates.Benchmarks.Paired;

/// <summary>
/// Runs a <see cref="PairDefinition"/> as a paired, interleaved comparison. Warm-up: both sides
/// alternately for <see cref="PairedSettings.Warmup"/> and at least <see cref="MinimumWarmupCalls"/>
/// calls each. Batch sizing: per side, the number of calls taking about
/// <see cref="PairedSettings.SliceTarget"/> (doubling until the fastest of three timings reaches half the
/// target, then scaled; at least one call), sized again after <see cref="PilotRounds"/> discarded rounds. Rounds: even rounds run slices A B B A, odd rounds B A A B
/// (A = baseline), so a linear drift in machine speed within a round falls equally on both sides
/// and neither side always goes first; each slice starts after a full garbage collection (as
/// BenchmarkDotNet forces one before each iteration), so one side's garbage is not collected in
/// the other's slice. A round yields each side's time per call: its two slices' time over their calls.
/// </summary>
public sealed class PairedRunner(PairedSettings settings, string profile, IReadOnlyList<string> failpoints, TimeProvider time)
{
    /// <summary>Calls of each side the warm-up makes at least (past the tiered JIT's 30-call threshold).</summary>
    public const int MinimumWarmupCalls = 64;

    /// <summary>Unrecorded rounds between the first batch sizing and the second.</summary>
    public const int PilotRounds = 6;

    private long _sink;

    /// <summary>The results of every call folded together: read so that no side's work is dead code.</summary>
    public long Sink => _sink;

    public PairedSamples Run(PairDefinition pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        Warm(pair);
        var baselineBatch = BatchSize(pair.Baseline);
        var candidateBatch = BatchSize(pair.Candidate);

        // Pilot rounds, discarded: the code paths settle (tiered JIT, OSR, pools, page caches) at
        // the slice rhythm of the measurement, then the batches are sized again.
        for (var pilot = 0; pilot < PilotRounds; pilot++)
        {
            Slice(pair.Baseline, baselineBatch);
            Slice(pair.Candidate, candidateBatch);
        }

        baselineBatch = BatchSize(pair.Baseline);
        candidateBatch = BatchSize(pair.Candidate);
        var roundCount = pair.Rounds ?? settings.Rounds;
        var rounds = new List<PairedRound>(roundCount);
        for (var round = 0; round < roundCount; round++)
        {
            var baseline = new SliceTotal();
            var candidate = new SliceTotal();
            if (round % 2 == 0)
            {
                baseline.Add(RoundSlice(pair, pair.Baseline, baselineBatch));
                candidate.Add(RoundSlice(pair, pair.Candidate, candidateBatch));
                candidate.Add(RoundSlice(pair, pair.Candidate, candidateBatch));
                baseline.Add(RoundSlice(pair, pair.Baseline, baselineBatch));
            }
            else
            {
                candidate.Add(RoundSlice(pair, pair.Candidate, candidateBatch));
                baseline.Add(RoundSlice(pair, pair.Baseline, baselineBatch));
                baseline.Add(RoundSlice(pair, pair.Baseline, baselineBatch));
                candidate.Add(RoundSlice(pair, pair.Candidate, candidateBatch));
            }

            rounds.Add(new PairedRound(
                NanosecondsPerCall(baseline.Ticks, baseline.Calls),
                NanosecondsPerCall(candidate.Ticks, candidate.Calls)));
        }

        return new PairedSamples(pair.Id, pair.Title, pair.Kind, pair.BaselineName, pair.CandidateName,
            baselineBatch, candidateBatch, "ABBA/BAAB", profile, failpoints, time.GetUtcNow(), rounds);
    }

    private void Warm(PairDefinition pair)
    {
        var start = Stopwatch.GetTimestamp();
        var calls = 0;
        while (calls < (pair.MinimumWarmupCalls ?? MinimumWarmupCalls) || Stopwatch.GetElapsedTime(start) < settings.Warmup)
        {
            _sink ^= pair.Baseline() ^ pair.Candidate();
            calls++;
        }
    }

    private int BatchSize(Func<long> side)
    {
        // The fastest of three timings per size: one preempted slice must not shrink the batch.
        var target = settings.SliceTarget.TotalSeconds * Stopwatch.Frequency;
        var calls = 1;
        while (true)
        {
            var ticks = Math.Min(Slice(side, calls), Math.Min(Slice(side, calls), Slice(side, calls)));
            if (ticks >= target / 2 || calls >= 1 << 24)
            {
                return Math.Max(1, (int)Math.Round(calls * target / Math.Max(ticks, 1)));
            }

            calls *= 2;
        }
    }

    private (long Ticks, int Calls) RoundSlice(PairDefinition pair, Func<long> side, int batch) =>
        pair.TimedSlices ? TimedSlice(side) : (Slice(side, batch), batch);

    /// <summary>Calls until the slice target has elapsed: both sides' slices last as long, whatever the batch sizing saw.</summary>
    private (long Ticks, int Calls) TimedSlice(Func<long> side)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var target = (long)(settings.SliceTarget.TotalSeconds * Stopwatch.Frequency);
        var sink = 0L;
        var calls = 0;
        var start = Stopwatch.GetTimestamp();
        long ticks;
        do
        {
            sink ^= side();
            calls++;
            ticks = Stopwatch.GetTimestamp() - start;
        }
        while (ticks < target);

        _sink ^= sink;
        return (ticks, calls);
    }

    private sealed class SliceTotal
    {
        public long Ticks { get; private set; }

        public int Calls { get; private set; }

        public void Add((long Ticks, int Calls) slice)
        {
            Ticks += slice.Ticks;
            Calls += slice.Calls;
        }
    }

    private long Slice(Func<long> side, int calls)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var sink = 0L;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            sink ^= side();
        }

        var ticks = Stopwatch.GetTimestamp() - start;
        _sink ^= sink;
        return ticks;
    }

    private static double NanosecondsPerCall(long ticks, int calls) => ticks * (1e9 / Stopwatch.Frequency) / calls;
}
