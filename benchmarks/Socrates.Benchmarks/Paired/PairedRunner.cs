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

    public PairedSamplesFile Run(PairDefinition pair)
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
        var rounds = new List<PairedRoundSample>(settings.Rounds);
        for (var round = 0; round < settings.Rounds; round++)
        {
            long baselineTicks, candidateTicks;
            if (round % 2 == 0)
            {
                baselineTicks = Slice(pair.Baseline, baselineBatch);
                candidateTicks = Slice(pair.Candidate, candidateBatch);
                candidateTicks += Slice(pair.Candidate, candidateBatch);
                baselineTicks += Slice(pair.Baseline, baselineBatch);
            }
            else
            {
                candidateTicks = Slice(pair.Candidate, candidateBatch);
                baselineTicks = Slice(pair.Baseline, baselineBatch);
                baselineTicks += Slice(pair.Baseline, baselineBatch);
                candidateTicks += Slice(pair.Candidate, candidateBatch);
            }

            rounds.Add(new PairedRoundSample(
                NanosecondsPerCall(baselineTicks, 2 * baselineBatch),
                NanosecondsPerCall(candidateTicks, 2 * candidateBatch)));
        }

        return new PairedSamplesFile(pair.Id, pair.Title, pair.Kind, pair.BaselineName, pair.CandidateName,
            baselineBatch, candidateBatch, "ABBA/BAAB", profile, failpoints, time.GetUtcNow(), rounds);
    }

    private void Warm(PairDefinition pair)
    {
        var start = Stopwatch.GetTimestamp();
        var calls = 0;
        while (calls < MinimumWarmupCalls || Stopwatch.GetElapsedTime(start) < settings.Warmup)
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
