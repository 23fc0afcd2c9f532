using System.Buffers.Binary;

namespace Socrates.Core.Tests.Pickle;

/// <summary>Hostile inputs built in C#: the shapes CPython cannot be made to write (bombs, cycles, depth).</summary>
internal static class HostilePickles
{
    /// <summary>PROTO 2, <paramref name="depth"/> × EMPTY_LIST, then APPEND each into the one before: lists nested depth deep.</summary>
    public static byte[] NestedLists(int depth)
    {
        var bytes = new List<byte> { 0x80, 2 };
        bytes.AddRange(Enumerable.Repeat((byte)']', depth));
        bytes.AddRange(Enumerable.Repeat((byte)'a', depth - 1));
        bytes.Add((byte)'.');
        return [.. bytes];
    }

    /// <summary>A list appended to itself: <c>l = []; l.append(l)</c>.</summary>
    public static byte[] SelfContainingList() => [0x80, 2, (byte)']', (byte)'q', 0, (byte)'h', 0, (byte)'a', (byte)'.'];

    /// <summary><c>d = {}; d['x'] = (d,)</c>: a cycle through a tuple.</summary>
    public static byte[] DictCycleThroughTuple() =>
        [0x80, 4, (byte)'}', 0x94, 0x8c, 1, (byte)'x', (byte)'h', 0, 0x85, (byte)'s', (byte)'.'];

    /// <summary>
    /// A "billion laughs" of memo references: level k is a list holding level k-1 twice, so 60
    /// levels are 2^60 items as a tree from ~500 bytes.
    /// </summary>
    public static byte[] MemoBomb(int levels)
    {
        var bytes = new List<byte> { 0x80, 2, (byte)']', (byte)'q', 0 };
        for (var level = 1; level <= levels; level++)
        {
            // POP the previous level (it lives on in the memo), then ] ( h prev h prev e q level
            bytes.AddRange([(byte)'0', (byte)']', (byte)'(', (byte)'h', (byte)(level - 1), (byte)'h', (byte)(level - 1), (byte)'e', (byte)'q', (byte)level]);
        }

        bytes.Add((byte)'.');
        return [.. bytes];
    }

    /// <summary>LONG4 whose byte count claims 2 GiB with 3 bytes behind it.</summary>
    public static byte[] HugeLong4() => [0x80, 2, 0x8b, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3];

    /// <summary>BINBYTES8 claiming 2^63 bytes.</summary>
    public static byte[] HugeBinBytes8()
    {
        var bytes = new byte[] { 0x80, 4, 0x8e, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'.' };
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(3, 8), ulong.MaxValue / 2);
        return bytes;
    }

    /// <summary>Two FRAMEs where the second starts inside the first.</summary>
    public static byte[] OverlappingFrames() =>
        [0x80, 4, 0x95, 10, 0, 0, 0, 0, 0, 0, 0, 0x95, 1, 0, 0, 0, 0, 0, 0, 0, (byte)'N', (byte)'.'];

    /// <summary>A list of <paramref name="count"/> Nones.</summary>
    public static byte[] ManyNones(int count)
    {
        var bytes = new List<byte> { 0x80, 2, (byte)']', (byte)'(' };
        bytes.AddRange(Enumerable.Repeat((byte)'N', count));
        bytes.AddRange([(byte)'e', (byte)'.']);
        return [.. bytes];
    }

    /// <summary>datetime with a state of the right length but month 13.</summary>
    public static byte[] BadDateTimeState() =>
    [
        0x80, 3, (byte)'c', .. "datetime\ndatetime\n"u8, (byte)'C', 10, 0x07, 0xe8, 13, 1, 0, 0, 0, 0, 0, 0, 0x85, (byte)'R', (byte)'.',
    ];

    /// <summary>Decimal('NaN').</summary>
    public static byte[] DecimalNaN() =>
        [0x80, 2, (byte)'c', .. "decimal\nDecimal\n"u8, 0x8c, 3, .. "NaN"u8, 0x85, (byte)'R', (byte)'.'];

    /// <summary>A dict keyed by a tuple.</summary>
    public static byte[] TupleKey() => [0x80, 2, (byte)'}', (byte)')', (byte)'N', (byte)'s', (byte)'.'];

    /// <summary>SHORT_BINUNICODE holding an invalid UTF-8 sequence.</summary>
    public static byte[] InvalidUtf8() => [0x80, 4, 0x8c, 2, 0xc3, 0x28, (byte)'.'];
}
