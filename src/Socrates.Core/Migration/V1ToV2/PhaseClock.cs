using System.Diagnostics;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>Splits a run's wall time into consecutive phases: each <see cref="Lap"/> closes the phase that ran since the previous one.</summary>
internal sealed class PhaseClock
{
    private readonly List<V1ToV2PhaseTime> _phases = [];
    private long _last = Stopwatch.GetTimestamp();

    public IReadOnlyList<V1ToV2PhaseTime> Phases => _phases;

    public void Lap(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        _phases.Add(new V1ToV2PhaseTime(phase, Stopwatch.GetElapsedTime(_last, now)));
        _last = now;
    }

    /// <summary>Records a duration measured elsewhere (a phase that overlapped others) without closing the current one.</summary>
    public void Record(string phase, TimeSpan elapsed) => _phases.Add(new V1ToV2PhaseTime(phase, elapsed));
}
