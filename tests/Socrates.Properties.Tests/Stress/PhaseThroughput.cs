namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// A phase's throughput with the time other processes held the cores given back.
/// <see cref="Measured"/> is operations over the phase's wall time. <see cref="Throughput"/> sums
/// each loop's operations over the time it ran less the time its thread waited in a run queue
/// during its synchronous operations (<see cref="ReaderLoopClock"/>): what the loops would have
/// done had the machine's cores been theirs. On a machine nobody else uses the two are equal. A
/// reader blocked on a lock is not in a run queue, and an operation that waited for a lock
/// asynchronously gives nothing back, so a lock between readers lowers both alike.
/// <see cref="GivenBack"/>: the share of the loops' time given back.
/// </summary>
internal sealed record PhaseThroughput(double Measured, double Throughput, double GivenBack)
{
    public static PhaseThroughput Of(TimeSpan elapsed, IReadOnlyList<(long Operations, TimeSpan Ran, TimeSpan Queued)> loops)
    {
        var measured = loops.Sum(l => l.Operations) / elapsed.TotalSeconds;
        var throughput = loops.Sum(l => l.Operations / Active(l.Ran, l.Queued).TotalSeconds);
        var givenBack = loops.Sum(l => (l.Ran - Active(l.Ran, l.Queued)).TotalSeconds) / loops.Sum(l => l.Ran.TotalSeconds);
        return new PhaseThroughput(measured, throughput, Math.Round(givenBack, 3));
    }

    // At least a hundredth of the time the loop ran: a floor against a clock read a tick apart.
    private static TimeSpan Active(TimeSpan ran, TimeSpan queued) => ran - queued > ran / 100 ? ran - queued : ran / 100;
}
