using Socrates.Evidence;
using Socrates.Benchmarks.Fixtures;
using Socrates.Benchmarks.Paired;

namespace Socrates.Benchmarks.Tests;

/// <summary>
/// The paired harness's process plan and its choice of process: the two decisions behind the
/// regression gates' stability (docs/benchmarks.md, "Why one process per pair, pinned JIT and the
/// least disturbed of five"), checked here without timing anything.
/// </summary>
[Trait("Category", "Unit")]
public sealed class PairedProcessesTests : IDisposable
{
    private readonly TempDirectory _directory = new("paired-tests");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Schedule_EveryPair_RunsInItsNumberOfProcessesNumberedFromOne()
    {
        var schedule = PairedProcesses.Schedule(PairedSuite.Ids);

        foreach (var id in PairedSuite.Ids)
        {
            var attempts = schedule.Where(s => s.Id == id).Select(s => s.Attempt).ToList();
            Assert.Equal(Enumerable.Range(1, PairedSuite.ProcessesFor(id)), attempts);
        }

        Assert.Equal(PairedSuite.Ids.Sum(PairedSuite.ProcessesFor), schedule.Count);
    }

    [Fact]
    public void Schedule_RepeatedPairs_LieApartInTime()
    {
        // A slow spell of the machine lasts tens of seconds: two processes of one pair back to back
        // could both fall into it, so every repeat is separated by other pairs' processes.
        var schedule = PairedProcesses.Schedule(PairedSuite.Ids);
        var repeated = PairedSuite.Ids.Where(id => PairedSuite.ProcessesFor(id) > 1).ToList();
        Assert.NotEmpty(repeated);

        foreach (var id in repeated)
        {
            var positions = schedule.Select((s, i) => (s.Id, i)).Where(s => s.Id == id).Select(s => s.i).ToList();
            var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).ToList();
            Assert.All(gaps, gap => Assert.True(gap >= repeated.Count, $"{id}: processes only {gap} apart in {string.Join(", ", schedule)}"));
        }

        for (var i = 1; i < schedule.Count; i++)
        {
            Assert.NotEqual(schedule[i - 1].Id, schedule[i].Id);
        }
    }

    [Fact]
    public void Schedule_OneSelectedPair_RunsOnlyThatPair()
    {
        var id = PairedSuite.Ids.First(i => PairedSuite.ProcessesFor(i) > 1);

        var schedule = PairedProcesses.Schedule([id]);

        Assert.Equal(Enumerable.Range(1, PairedSuite.ProcessesFor(id)).Select(a => (id, a)), schedule);
    }

    [Fact]
    public void Keep_SeveralProcesses_KeepsTheFastestBaselineWhateverTheCandidateDid()
    {
        // Process 2 ran its baseline fastest and its candidate relatively slowest: it is kept, so a
        // slower candidate cannot hide by picking the process where it looked best.
        var attempts = new[]
        {
            WriteAttempt(1, baselineNs: 200, ratio: 1.00),
            WriteAttempt(2, baselineNs: 100, ratio: 1.50),
            WriteAttempt(3, baselineNs: 150, ratio: 1.10),
        };
        var target = Directory.CreateDirectory(_directory.File("kept")).FullName;

        var kept = PairedProcesses.Keep("bench.paired.test", attempts, target);

        Assert.Equal(Path.Combine(target, "bench.paired.test.json"), kept);
        Assert.Equal(File.ReadAllText(attempts[1]), File.ReadAllText(kept));
        var listing = File.ReadAllLines(Path.Combine(target, "bench.paired.test" + PairedProcesses.ProcessesSuffix));
        Assert.Equal(4, listing.Length);
        Assert.Contains("3 process(es)", listing[0], StringComparison.Ordinal);
        Assert.EndsWith("<- kept", listing[2], StringComparison.Ordinal);
        Assert.DoesNotContain("<- kept", listing[1], StringComparison.Ordinal);
        Assert.DoesNotContain("<- kept", listing[3], StringComparison.Ordinal);
        Assert.Contains("candidate/baseline median 1.5000", listing[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_OneProcess_KeepsIt()
    {
        var attempt = WriteAttempt(1, baselineNs: 120, ratio: 1.08);
        var target = Directory.CreateDirectory(_directory.File("kept")).FullName;

        var kept = PairedProcesses.Keep("bench.paired.test", [attempt], target);

        Assert.Equal(File.ReadAllText(attempt), File.ReadAllText(kept));
    }

    // Five rounds around the given baseline time (one of them slow, as a noisy machine makes them),
    // the candidate at the given ratio in each.
    private string WriteAttempt(int attempt, double baselineNs, double ratio)
    {
        double[] spread = [1.0, 0.98, 1.02, 1.01, 1.6];
        var rounds = spread.Select(f => new PairedRound(baselineNs * f, baselineNs * f * ratio)).ToList();
        var samples = new PairedSamples(
            "bench.paired.test", "test pair", "ratio", "Floor", "Candidate", 10, 10, "ABBA/BAAB", "ci", [], DateTimeOffset.UnixEpoch, rounds);
        return PairedSamplesFile.Write(samples, Path.Combine(_directory.File($"attempt-{attempt}"), "paired"));
    }
}
