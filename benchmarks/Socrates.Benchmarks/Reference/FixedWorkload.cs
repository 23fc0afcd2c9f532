namespace Socrates.Benchmarks.Reference;

/// <summary>
/// A fixed, deterministic, CPU-bound amount of work: xorshift-generated words mixed into an
/// FNV-1a hash over a fixed 16 KiB buffer, several passes. No allocation, no I/O, no intrinsics
/// that only some CPUs have: its time measures "how fast is this machine right now", which is
/// what a stored baseline is normalised by. The self-test benchmarks reuse it as their work.
/// </summary>
public static class FixedWorkload
{
    private const int BufferLength = 16 * 1024;
    private static readonly byte[] s_buffer = CreateBuffer();

    /// <summary>The fixed 16 KiB input (read-only).</summary>
    public static ReadOnlySpan<byte> Buffer => s_buffer;

    /// <summary>Runs <paramref name="passes"/> passes over the buffer and returns the hash (so nothing is optimised away).</summary>
    public static ulong Run(int passes)
    {
        var hash = 14695981039346656037UL;
        var buffer = s_buffer;
        for (var pass = 0; pass < passes; pass++)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                hash ^= buffer[i];
                hash *= 1099511628211UL;
            }

            hash ^= hash >> 29;
        }

        return hash;
    }

    private static byte[] CreateBuffer()
    {
        var buffer = new byte[BufferLength];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < buffer.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            buffer[i] = (byte)state;
        }

        return buffer;
    }
}
