namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Samples the process's working set and the GC heap while a piece of work runs (every
/// <c>period</c>, plus once at start and once at the end) and keeps the peaks: the memory a
/// migration run needed, for the evidence. The sampler itself allocates nothing per sample.
/// </summary>
internal sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet;
    private long _peakGcHeap;

    private PeakMemorySampler(TimeSpan period)
    {
        Sample();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(period);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    Sample();
                }
            }
            catch (OperationCanceledException)
            {
                // stopped
            }
        });
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public long PeakGcHeapBytes => Interlocked.Read(ref _peakGcHeap);

    public static PeakMemorySampler Start(TimeSpan period) => new(period);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // the loop was started by this object, on the thread pool; it only samples and ends on cancellation
        await _loop;
#pragma warning restore VSTHRD003
        Sample();
        _stop.Dispose();
    }

    private void Sample()
    {
        Max(ref _peakWorkingSet, Environment.WorkingSet);
        Max(ref _peakGcHeap, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void Max(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref peak, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
