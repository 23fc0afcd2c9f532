using System.Diagnostics;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// One loop's view of a phase: whether to go on (<see cref="Continue"/>, asked before every
/// operation), how long the loop ran (<see cref="Ran"/>: from its first question to the answer
/// stop, so a loop whose thread started late is not charged for the wait) and how long its thread
/// waited in a run queue during operations that completed synchronously (<see cref="Queued"/>):
/// those ran start to end on the thread whose counter is read, with nothing else in between. An
/// operation that returned before completing (<see cref="LeftThread"/>), for instance to wait
/// for a lock, counts none of its time, so a lock between readers is never given back.
/// </summary>
internal sealed class ReaderLoopClock(StopSignal stop)
{
    private long _last;
    private bool _counting;
    private long _started;
    private long _stopped;

    /// <summary>From the first <see cref="Continue"/> to the one that answered stop.</summary>
    public TimeSpan Ran => Stopwatch.GetElapsedTime(_started, _stopped);

    /// <summary>Run-queue wait given back, in nanoseconds.</summary>
    public long Queued { get; private set; }

    /// <summary>True until the phase ends; closes the previous operation's account.</summary>
    public bool Continue()
    {
        if (_started == 0)
        {
            _started = Stopwatch.GetTimestamp();
        }

        if (RunQueueClock.TryRead(out var wait))
        {
            if (_counting)
            {
                Queued += Math.Max(0, wait - _last);
            }

            _last = wait;
            _counting = true;
        }
        else
        {
            _counting = false;
        }

        if (!stop.IsSet)
        {
            return true;
        }

        _stopped = Stopwatch.GetTimestamp();
        return false;
    }

    /// <summary>The operation just started did not complete synchronously: none of its time is given back.</summary>
    public void LeftThread() => _counting = false;
}
