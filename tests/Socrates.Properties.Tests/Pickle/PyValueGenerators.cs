using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Socrates.Properties.Tests.Pickle;

/// <summary>
/// FsCheck generators for the pickle value model: every scalar kind with its edge cases (big
/// ints, NaN/±inf/-0.0 and arbitrary float bit patterns, decimals of every scale, datetimes to
/// the microsecond across years 1..9999, astral unicode, bytes) nested in lists, tuples and
/// dicts with str or int/bool keys. A shrinker cuts containers down to a minimal counter-example.
/// </summary>
public static class PyValueGenerators
{
    private static readonly long s_maxMicrosecondTicks = System.DateTime.MaxValue.Ticks - (System.DateTime.MaxValue.Ticks % 10);

    public static Gen<long> Integers { get; } = Gen.Frequency(
        (4, Gen.Choose(-300, 70_000).Select(i => (long)i)),
        (2, Gen.Elements(0L, -1L, 255L, 256L, 65_535L, 65_536L, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue)),
        (3, RandomBits()));

    public static Gen<BigInteger> BigInt { get; } =
        from bits in Gen.Choose(64, 400)
        from raw in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 52)
        from negative in Gen.Elements(true, false)
        let magnitude = (BigInteger.One << bits) + (new BigInteger(raw, isUnsigned: true) % (BigInteger.One << bits))
        select negative ? -magnitude - 1 : magnitude;

    public static Gen<double> Floats { get; } = Gen.Frequency(
        (2, Gen.Elements(0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1e-310)),
        (3, RandomBits().Select(BitConverter.Int64BitsToDouble)),
        (3, Gen.Choose(-100_000, 100_000).Select(i => i / 64.0)));

    public static Gen<decimal> Decimals { get; } =
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        from mid in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(int.MinValue, int.MaxValue)))
        from hi in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(int.MinValue, int.MaxValue)))
        from negative in Gen.Elements(true, false)
        from scale in Gen.Choose(0, 28)
        select new decimal(lo, mid, hi, negative, (byte)scale);

    public static Gen<DateTime> DateTimes { get; } =
        RandomBits().Select(bits => new System.DateTime(
            (long)((ulong)bits % (ulong)(s_maxMicrosecondTicks + 1)) / 10 * 10, DateTimeKind.Unspecified));

    public static Gen<DateOnly> Date { get; } =
        Gen.Choose(0, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    public static Gen<string> Text { get; } =
        Gen.Frequency(
                (3, Gen.ListOf(CodePoint())),
                (1, Gen.Choose(200, 400).SelectMany(n => Gen.ListOf(CodePoint(), n))))
            .Select(points => string.Concat(points.Select(char.ConvertFromUtf32)));

    public static Gen<byte[]> Bytes { get; } =
        Gen.Frequency(
                (3, Gen.Sized(n => Gen.Choose(0, n))),
                (1, Gen.Choose(250, 600)))
            .SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    public static Gen<object?> Scalar { get; } = Gen.Frequency(
        (1, Gen.Constant<object?>(null)),
        (1, Gen.Elements(true, false).Select(b => (object?)b)),
        (3, Integers.Select(v => (object?)v)),
        (1, BigInt.Select(v => (object?)v)),
        (2, Floats.Select(v => (object?)v)),
        (2, Decimals.Select(v => (object?)v)),
        (2, DateTimes.Select(v => (object?)v)),
        (1, Date.Select(v => (object?)v)),
        (3, Text.Select(v => (object?)v)),
        (1, Bytes.Select(v => (object?)v)));

    /// <summary>A value of the value model, nested up to the generator's size.</summary>
    public static Gen<object?> Value { get; } = Gen.Sized(size => Nested(Math.Min(size, 60)));

    /// <summary>A value and a protocol from 2 to 5.</summary>
    public static Gen<PyCase> Case { get; } =
        from value in Value
        from protocol in Gen.Choose(2, 5)
        select new PyCase(value, protocol);

    /// <summary>The case arbitrary, shrinking containers towards the smallest failing part.</summary>
    public static Arbitrary<PyCase> CaseArbitrary { get; } = Arb.From(Case, Shrink);

    private static Gen<object?> Nested(int size)
    {
        if (size <= 2)
        {
            return Scalar;
        }

        var child = Gen.Sized(_ => Nested(size / 2)).Resize(size / 2);
        var width = Gen.Choose(0, Math.Min(6, size / 2));
        return Gen.Frequency(
            (4, Scalar),
            (2, width.SelectMany(n => Gen.ListOf(child, n)).Select(items => (object?)new List<object?>(items))),
            (1, width.SelectMany(n => Gen.ListOf(child, n)).Select(items => (object?)items.ToArray())),
            (2, width.SelectMany(n => Gen.Zip(Gen.ListOf(Text, n), Gen.ListOf(child, n))).Select(p => (object?)StringDict(p.Item1, p.Item2))),
            (1, width.SelectMany(n => Gen.Zip(Gen.ListOf(Key(), n), Gen.ListOf(child, n))).Select(p => (object?)ObjectDict(p.Item1, p.Item2))));
    }

    private static Dictionary<string, object?> StringDict(IEnumerable<string> keys, IEnumerable<object?> values)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in keys.Zip(values))
        {
            dict.TryAdd(key, value);
        }

        return dict;
    }

    private static Dictionary<object, object?> ObjectDict(IEnumerable<object> keys, IEnumerable<object?> values)
    {
        var dict = new Dictionary<object, object?>();
        var pythonKeys = new HashSet<object>();
        foreach (var (key, value) in keys.Zip(values))
        {
            // True == 1 and False == 0 are one key in Python: keep only the first of such a pair.
            if (pythonKeys.Add(key is bool flag ? (flag ? 1L : 0L) : key))
            {
                dict.Add(key, value);
            }
        }

        return dict;
    }

    private static Gen<object> Key() => Gen.Frequency(
        (3, Integers.Select(v => (object)v)),
        (1, BigInt.Select(v => (object)v)),
        (1, Gen.Elements(true, false).Select(v => (object)v)),
        (2, Text.Select(v => (object)v)));

    private static Gen<int> CodePoint() => Gen.Frequency(
        (6, Gen.Choose(0x20, 0x7E)),
        (1, Gen.Choose(0x00, 0x1F)),
        (2, Gen.Choose(0xA0, 0xD7FF)),
        (1, Gen.Choose(0xE000, 0xFFFD)),
        (2, Gen.Choose(0x10000, 0x10FFFF)));

    private static Gen<long> RandomBits() =>
        from high in Gen.Choose(int.MinValue, int.MaxValue)
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)high << 32) | (uint)low;

    private static IEnumerable<PyCase> Shrink(PyCase @case) =>
        ShrinkValue(@case.Value).Select(v => @case with { Value = v });

    private static IEnumerable<object?> ShrinkValue(object? value)
    {
        switch (value)
        {
            case object?[] tuple when value.GetType() == typeof(object[]):
                foreach (var item in tuple)
                {
                    yield return item;
                }

                for (var i = 0; i < tuple.Length; i++)
                {
                    yield return tuple.Where((_, j) => j != i).ToArray();
                }

                break;
            case List<object?> list:
                foreach (var item in list)
                {
                    yield return item;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    yield return list.Where((_, j) => j != i).ToList();
                }

                break;
            case Dictionary<string, object?> dict:
                foreach (var item in dict.Values)
                {
                    yield return item;
                }

                foreach (var key in dict.Keys)
                {
                    yield return dict.Where(e => e.Key != key).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                }

                break;
            case Dictionary<object, object?> dict:
                foreach (var item in dict.Values)
                {
                    yield return item;
                }

                foreach (var key in dict.Keys)
                {
                    yield return dict.Where(e => !Equals(e.Key, key)).ToDictionary(e => e.Key, e => e.Value);
                }

                break;
        }
    }
}
