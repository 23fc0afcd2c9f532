using Microsoft.Win32.SafeHandles;

namespace Socrates.Properties.Tests.Stress;

/// <summary>
/// The calling thread's time waiting in a run queue, as Linux's scheduler accounts it
/// (<c>/proc/thread-self/schedstat</c>, second field, nanoseconds): time the thread was ready to
/// run while other threads (another process's, on a busy machine) held the cores. A thread
/// blocked on a lock or asleep is not waiting in a run queue. One file handle per thread, read
/// again in place: one system call, no allocation.
/// </summary>
internal static class RunQueueClock
{
    [ThreadStatic]
    private static SafeFileHandle? t_schedstat;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static bool t_unavailable;

    /// <summary>The calling thread's run-queue wait so far in nanoseconds; false where the kernel does not say (not Linux, no scheduler statistics).</summary>
    public static bool TryRead(out long waitNs)
    {
        waitNs = 0;
        if (t_unavailable || !Open())
        {
            return false;
        }

        var buffer = t_buffer!;
        int length;
        try
        {
            length = RandomAccess.Read(t_schedstat!, buffer, 0);
        }
        catch (IOException)
        {
            return false;
        }

        return TryParseWait(buffer.AsSpan(0, length), out waitNs);
    }

    /// <summary>The second of the space-separated numbers in <paramref name="schedstat"/> ("run wait slices").</summary>
    public static bool TryParseWait(ReadOnlySpan<byte> schedstat, out long waitNs)
    {
        waitNs = 0;
        var field = 0;
        var digits = false;
        foreach (var b in schedstat)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (field == 1)
                {
                    waitNs = (waitNs * 10) + (b - '0');
                }

                digits = true;
            }
            else if (digits)
            {
                if (field == 1)
                {
                    return true;
                }

                field++;
                digits = false;
            }
        }

        return field == 1 && digits;
    }

    private static bool Open()
    {
        if (t_schedstat is not null)
        {
            return true;
        }

        try
        {
            t_schedstat = File.OpenHandle("/proc/thread-self/schedstat"); // resolves to this thread at open
            t_buffer = new byte[128];
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            t_unavailable = true;
            return false;
        }
    }
}
