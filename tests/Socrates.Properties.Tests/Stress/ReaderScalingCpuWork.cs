namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The calibration workload: pure CPU, no memory traffic, no lock, no allocation. What one
/// thread and N threads of it achieve in the same moment is what the machine can give in
/// parallel right now, the ceiling against which the readers' scaling is judged.
/// </summary>
internal static class ReaderScalingCpuWork
{
    /// <summary>Xorshift steps per operation: about 20 us, short against a phase, long against the stop check.</summary>
    private const int StepsPerOperation = 20_000;

    private static long s_sink;

    public static Task<long> LoopAsync(StopSignal stop)
    {
        var x = (ulong)Environment.CurrentManagedThreadId + 0x9E3779B97F4A7C15UL;
        long operations = 0;
        while (!stop.IsSet)
        {
            for (var i = 0; i < StepsPerOperation; i++)
            {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
            }

            operations++;
        }

        Interlocked.Add(ref s_sink, (long)x); // keeps the JIT from dropping the loop
        return Task.FromResult(operations);
    }
}
