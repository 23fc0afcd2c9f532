using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Socrates.Core.Caching;

/// <summary>
/// Linux's <c>CLOCK_MONOTONIC_COARSE</c> in nanoseconds, read by calling the vDSO's (or libc's)
/// <c>clock_gettime</c> directly, or <see cref="Environment.TickCount64"/> (milliseconds, scaled)
/// where neither is available.
/// </summary>
/// <remarks>
/// <para><b>Why not just <see cref="Environment.TickCount64"/>.</b> It reads the same clock, but
/// through the runtime's own entry point and a division to milliseconds: 4.6-5.9 ns a call measured
/// on this suite's 2-core KVM guest, against 3.3 ns for libc's <c>clock_gettime</c> and 2.3 ns for
/// the vDSO's own symbol, which libc's wrapper calls (a 10 ns dictionary lookup for scale).</para>
/// <para><b>Why it is safe to call this way.</b> The call is a vDSO read of the kernel's last tick:
/// it never blocks, never calls back into the runtime and takes no locks, which is what
/// <c>SuppressGCTransition</c> requires. The function is looked up once; if neither the vDSO nor
/// libc exports it, or a first call fails, every read falls back to <see cref="Environment.TickCount64"/>,
/// which is the same clock (so <see cref="ExpiryClock"/>'s soundness argument holds either way).</para>
/// </remarks>
internal static unsafe class CoarseMonotonicClock
{
    private const int ClockMonotonicCoarse = 6;

    /// <summary>Which function reads the clock (for diagnostics). Declared before the function
    /// pointer: static initialisers run in order, and <see cref="Resolve"/> sets it.</summary>
    public static string Source { get; private set; } = "Environment.TickCount64";

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<int, Timespec*, int> s_clockGettime = Resolve();

    /// <summary>True when reads go to <c>clock_gettime</c> directly rather than through the runtime.</summary>
    public static bool IsDirect => s_clockGettime != null;

    /// <summary>The coarse monotonic clock now, in nanoseconds (millisecond steps on the fallback).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Nanoseconds()
    {
        var clockGettime = s_clockGettime;
        if (clockGettime != null)
        {
            Timespec now;
            clockGettime(ClockMonotonicCoarse, &now);
            return (now.Seconds * 1_000_000_000) + now.Nanoseconds;
        }

        return Environment.TickCount64 * 1_000_000;
    }

    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<int, Timespec*, int> Resolve()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            return null;
        }

        // The kernel's own entry (vDSO; x86-64 and arm64 names), else libc's wrapper around it.
        (string Library, string Symbol)[] candidates =
        [
            ("linux-vdso.so.1", "__vdso_clock_gettime"),
            ("linux-vdso.so.1", "__kernel_clock_gettime"),
            ("libc.so.6", "clock_gettime"),
            ("libc", "clock_gettime"),
        ];
        foreach (var (name, symbol) in candidates)
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, symbol, out var export))
            {
                var function = (delegate* unmanaged[Cdecl, SuppressGCTransition]<int, Timespec*, int>)export;
                Timespec probe;
                if (function(ClockMonotonicCoarse, &probe) == 0)
                {
                    Source = $"{symbol} in {name}";
                    return function;
                }
            }
        }

        return null;
    }

    /// <summary>struct timespec on 64-bit Linux: two 64-bit fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
