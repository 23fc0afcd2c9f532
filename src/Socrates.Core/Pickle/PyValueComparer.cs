using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Socrates.Core.Pickle;

/// <summary>
/// Structural equality for the value model, with the first difference reported as a readable
/// path. Kinds are Python's: any .NET integer type or BigInteger is an int (compared by value),
/// double/float a float, object?[] a tuple, any other list a list, any dictionary a dict.
/// datetimes compare by ticks (Kind ignored: Python datetimes are naive); decimals by value,
/// scale and sign (1.5 ≠ 1.50); floats bitwise (so -0.0 ≠ 0.0) with all NaNs equal unless
/// <see cref="NaNPayloadMatters"/>. <see cref="Strict"/> also requires the same dict key order
/// (what a round trip must keep); <see cref="Default"/> compares dicts as Python does, by keys.
/// </summary>
public sealed class PyValueComparer : IEqualityComparer<object?>
{
    private PyValueComparer(bool dictionaryOrderMatters, bool nanPayloadMatters)
    {
        DictionaryOrderMatters = dictionaryOrderMatters;
        NaNPayloadMatters = nanPayloadMatters;
    }

    /// <summary>Python's equality, made stricter where a migration must be: decimal scale, -0.0, types.</summary>
    public static PyValueComparer Default { get; } = new(dictionaryOrderMatters: false, nanPayloadMatters: false);

    /// <summary>Round-trip equality: dict key order and NaN bit patterns must match too.</summary>
    public static PyValueComparer Strict { get; } = new(dictionaryOrderMatters: true, nanPayloadMatters: true);

    /// <summary>Dict key order matters, NaN payloads do not (CPython's NaN and .NET's double.NaN differ in sign bit).</summary>
    public static PyValueComparer Ordered { get; } = new(dictionaryOrderMatters: true, nanPayloadMatters: false);

    public bool DictionaryOrderMatters { get; }

    public bool NaNPayloadMatters { get; }

    public new bool Equals(object? x, object? y) => FindDifference(x, y) is null;

    /// <summary>The first difference between <paramref name="expected"/> and <paramref name="actual"/>, or null.</summary>
    public PyValueDifference? FindDifference(object? expected, object? actual)
    {
        var path = new StringBuilder("$");
        return Compare(expected, actual, path, depth: 0);
    }

    public int GetHashCode(object? obj) => Classify(obj) switch
    {
        Kind.None => 0,
        Kind.Int => AsBigInteger(obj!).GetHashCode(),
        Kind.Float when obj is float f => ((double)f).GetHashCode(),
        Kind.Decimal => ((decimal)obj!).GetHashCode(),
        Kind.DateTime => ((DateTime)obj!).Ticks.GetHashCode(),
        Kind.Bytes => ((byte[])obj!).Length,
        Kind.List or Kind.Tuple => HashCode.Combine(Classify(obj), ((ICollection)obj!).Count),
        Kind.Dict => HashCode.Combine(Kind.Dict, Entries(obj!).Count),
        _ => obj!.GetHashCode(),
    };

    private PyValueDifference? Compare(object? expected, object? actual, StringBuilder path, int depth)
    {
        if (depth > PickleDecoderOptions.DepthCeiling || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return new(path.ToString(), "a value", "nesting deeper than " + PickleDecoderOptions.DepthCeiling + " (a cycle?)");
        }

        var kind = Classify(expected);
        var actualKind = Classify(actual);
        if (kind != actualKind)
        {
            return new(path.ToString(), Describe(expected), Describe(actual));
        }

        var same = kind switch
        {
            Kind.None => true,
            Kind.Bool => (bool)expected! == (bool)actual!,
            Kind.Int => AsBigInteger(expected!) == AsBigInteger(actual!),
            Kind.Float => SameFloat(AsDouble(expected!), AsDouble(actual!)),
            Kind.Str => string.Equals((string)expected!, (string)actual!, StringComparison.Ordinal),
            Kind.Bytes => ((byte[])expected!).AsSpan().SequenceEqual((byte[])actual!),
            Kind.DateTime => ((DateTime)expected!).Ticks == ((DateTime)actual!).Ticks,
            Kind.Date => (DateOnly)expected! == (DateOnly)actual!,
            Kind.Decimal => SameDecimal((decimal)expected!, (decimal)actual!),
            Kind.List or Kind.Tuple or Kind.Dict => (bool?)null,
            _ => Equals(expected, actual),
        };
        if (same is { } result)
        {
            return result ? null : new(path.ToString(), Describe(expected), Describe(actual));
        }

        return kind == Kind.Dict
            ? CompareDicts(Entries(expected!), Entries(actual!), path, depth)
            : CompareSequences((IList)expected!, (IList)actual!, path, depth);
    }

    private PyValueDifference? CompareSequences(IList expected, IList actual, StringBuilder path, int depth)
    {
        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            var mark = path.Length;
            path.Append('[').Append(i).Append(']');
            if (Compare(expected[i], actual[i], path, depth + 1) is { } difference)
            {
                return difference;
            }

            path.Length = mark;
        }

        if (expected.Count != actual.Count)
        {
            return new(path.ToString(), $"{expected.Count} items", $"{actual.Count} items");
        }

        return null;
    }

    private PyValueDifference? CompareDicts(
        List<KeyValuePair<object, object?>> expected, List<KeyValuePair<object, object?>> actual, StringBuilder path, int depth)
    {
        var actualByKey = new Dictionary<object, object?>(actual.Count, KeyComparer.Instance);
        foreach (var (key, value) in actual)
        {
            actualByKey[key] = value;
        }

        foreach (var (key, value) in expected)
        {
            var mark = path.Length;
            AppendKey(path, key);
            if (!actualByKey.TryGetValue(key, out var other))
            {
                return new(path.ToString(), Describe(value), "no such key");
            }

            if (Compare(value, other, path, depth + 1) is { } difference)
            {
                return difference;
            }

            path.Length = mark;
        }

        var expectedKeys = new HashSet<object>(expected.Select(e => e.Key), KeyComparer.Instance);
        foreach (var (key, value) in actual)
        {
            if (!expectedKeys.Contains(key))
            {
                AppendKey(path, key);
                return new(path.ToString(), "no such key", Describe(value));
            }
        }

        if (DictionaryOrderMatters)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                if (!KeyComparer.Instance.Equals(expected[i].Key, actual[i].Key))
                {
                    return new(
                        path.ToString(),
                        $"key order [{string.Join(", ", expected.Select(e => FormatKey(e.Key)))}]",
                        $"key order [{string.Join(", ", actual.Select(e => FormatKey(e.Key)))}]");
                }
            }
        }

        return null;
    }

    private bool SameFloat(double x, double y)
    {
        if (!NaNPayloadMatters && double.IsNaN(x) && double.IsNaN(y))
        {
            return true;
        }

        return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y);
    }

    private static bool SameDecimal(decimal x, decimal y)
    {
        Span<int> a = stackalloc int[4];
        Span<int> b = stackalloc int[4];
        decimal.GetBits(x, a);
        decimal.GetBits(y, b);
        return a.SequenceEqual(b);
    }

    private enum Kind
    {
        None,
        Bool,
        Int,
        Float,
        Str,
        Bytes,
        List,
        Tuple,
        Dict,
        DateTime,
        Date,
        Decimal,
        Other,
    }

    private static Kind Classify(object? value) => value switch
    {
        null => Kind.None,
        bool => Kind.Bool,
        long or int or short or sbyte or byte or ushort or uint or ulong or BigInteger => Kind.Int,
        double or float => Kind.Float,
        string => Kind.Str,
        byte[] => Kind.Bytes,
        DateTime => Kind.DateTime,
        DateOnly => Kind.Date,
        decimal => Kind.Decimal,
        object[] when value.GetType() == typeof(object[]) => Kind.Tuple,
        IDictionary or IReadOnlyDictionary<string, object?> => Kind.Dict,
        IList => Kind.List,
        _ => Kind.Other,
    };

    private static BigInteger AsBigInteger(object value) => value switch
    {
        BigInteger big => big,
        ulong u => u,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double AsDouble(object value) => value is float f ? f : (double)value;

    private static List<KeyValuePair<object, object?>> Entries(object dict)
    {
        var entries = new List<KeyValuePair<object, object?>>();
        if (dict is IDictionary untyped)
        {
            var enumerator = untyped.GetEnumerator();
            while (enumerator.MoveNext())
            {
                entries.Add(new(enumerator.Entry.Key, enumerator.Entry.Value));
            }
        }
        else
        {
            foreach (var (key, value) in (IReadOnlyDictionary<string, object?>)dict)
            {
                entries.Add(new(key, value));
            }
        }

        return entries;
    }

    /// <summary>Appends <c>.name</c> for identifier-like str keys, <c>["text"]</c> for other str keys, <c>[key]</c> otherwise.</summary>
    internal static void AppendKey(StringBuilder path, object? key)
    {
        if (key is string text && text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_')
            && text.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            path.Append('.').Append(text);
        }
        else
        {
            path.Append('[').Append(FormatKey(key)).Append(']');
        }
    }

    private static string FormatKey(object? key) => key switch
    {
        string text => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool flag => flag ? "True" : "False",
        null => "None",
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "?",
    };

    /// <summary>A short Python-flavoured description of a value for difference reports.</summary>
    public static string Describe(object? value) => Classify(value) switch
    {
        Kind.None => "None",
        Kind.Bool => (bool)value! ? "bool True" : "bool False",
        Kind.Int => "int " + AsBigInteger(value!).ToString(CultureInfo.InvariantCulture),
        Kind.Float => "float " + AsDouble(value!).ToString("R", CultureInfo.InvariantCulture)
            + $" (bits 0x{BitConverter.DoubleToInt64Bits(AsDouble(value!)):x16})",
        Kind.Str => "str " + Quote((string)value!),
        Kind.Bytes => $"bytes[{((byte[])value!).Length}] {Convert.ToHexString((byte[])value!, 0, Math.Min(32, ((byte[])value!).Length))}",
        Kind.DateTime => "datetime " + ((DateTime)value!).ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        Kind.Date => "date " + ((DateOnly)value!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Kind.Decimal => "Decimal " + PyDecimal.Format((decimal)value!),
        Kind.List => $"list of {((IList)value!).Count}",
        Kind.Tuple => $"tuple of {((object[])value!).Length}",
        Kind.Dict => $"dict of {Entries(value!).Count}",
        _ => "unsupported " + value!.GetType().FullName,
    };

    private static string Quote(string text) =>
        "'" + (text.Length <= 60 ? text : text[..60] + "...") + "'" + (text.Length > 60 ? $" ({text.Length} chars)" : "");

    /// <summary>Dict keys as Python hashes them: ints by value whatever their .NET type.</summary>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static KeyComparer Instance { get; } = new();

        public new bool Equals(object? x, object? y) => (x, y) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            _ when Classify(x) == Kind.Int && Classify(y) == Kind.Int => AsBigInteger(x!) == AsBigInteger(y!),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(object obj) => Classify(obj) == Kind.Int ? AsBigInteger(obj).GetHashCode() : obj.GetHashCode();
    }
}
