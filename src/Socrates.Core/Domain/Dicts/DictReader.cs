using System.Numerics;
using Socrates.Core.Domain.Values;

namespace Socrates.Core.Domain.Dicts;

/// <summary>
/// Reads typed fields out of an <c>asdict()</c> dict, remembering which keys it consumed so the
/// rest can go to the entity's <c>Extras</c>. A missing key yields the documented default; a key
/// of the wrong type is a <see cref="DictMappingException"/> (never a silent coercion), except
/// the documented widenings: an int where a float is expected, None where a list/dict is
/// expected (empty, as the app's <c>__post_init__</c> does), an ISO string where a datetime is
/// expected (parsed).
/// </summary>
internal sealed class DictReader(string entity, IReadOnlyDictionary<string, object?> dict)
{
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public bool Has(string key) => dict.ContainsKey(key);

    public string RequiredString(string key) =>
        Take(key, out var value) && value is string s
            ? s
            : throw Fail(key, value is null ? "missing or None, a string is required" : $"expected str, got {TypeName(value)}");

    public string? String(string key, string? fallback) =>
        !Take(key, out var value) ? fallback : value switch
        {
            null => null,
            string s => s,
            _ => throw Fail(key, $"expected str or None, got {TypeName(value)}"),
        };

    public string StringNotNull(string key, string fallback) =>
        !Take(key, out var value) ? fallback : value switch
        {
            string s => s,
            _ => throw Fail(key, $"expected str, got {TypeName(value)}"),
        };

    public bool Bool(string key, bool fallback) =>
        !Take(key, out var value) ? fallback : value switch
        {
            bool b => b,
            _ => throw Fail(key, $"expected bool, got {TypeName(value)}"),
        };

    public long Long(string key, long fallback) =>
        !Take(key, out var value) ? fallback : value switch
        {
            long l => l,
            int i => i,
            _ => throw Fail(key, $"expected int, got {TypeName(value)}"),
        };

    public double Double(string key, double fallback) =>
        !Take(key, out var value) ? fallback : ToDouble(key, value);

    public decimal Decimal(string key, decimal fallback) =>
        !Take(key, out var value) ? fallback : value switch
        {
            decimal m => m,
            _ => throw Fail(key, $"expected Decimal, got {TypeName(value)}"),
        };

    public DateTime? DateTime(string key) =>
        !Take(key, out var value) ? null : value switch
        {
            null => null,
            System.DateTime t => PyDateTime.Normalize(t),
            string s when PyDateTime.TryParse(s, out var parsed) => parsed,
            _ => throw Fail(key, $"expected datetime or None, got {TypeName(value)} {value}"),
        };

    public DateTime RequiredDateTime(string key, DateTime fallback) =>
        DateTime(key) ?? (Has(key) ? throw Fail(key, "expected datetime, got None") : fallback);

    public byte[]? Bytes(string key) =>
        !Take(key, out var value) ? null : value switch
        {
            null => null,
            byte[] b => b,
            _ => throw Fail(key, $"expected bytes or None, got {TypeName(value)}"),
        };

    public List<string> StringList(string key)
    {
        if (!Take(key, out var value) || value is null)
        {
            return [];
        }

        var items = value as IReadOnlyList<object?> ?? throw Fail(key, $"expected list[str], got {TypeName(value)}");
        var list = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            list.Add(items[i] as string ?? throw Fail($"{key}[{i}]", $"expected str, got {TypeName(items[i])}"));
        }

        return list;
    }

    public List<object?> List(string key) =>
        !Take(key, out var value) || value is null
            ? []
            : value as List<object?> ?? throw Fail(key, $"expected list, got {TypeName(value)}");

    public Dictionary<string, object?> Dict(string key) =>
        !Take(key, out var value) || value is null
            ? new(StringComparer.Ordinal)
            : value as Dictionary<string, object?> ?? throw Fail(key, $"expected dict, got {TypeName(value)}");

    public Dictionary<string, object?>? NullableDict(string key) =>
        !Take(key, out var value) || value is null
            ? null
            : value as Dictionary<string, object?> ?? throw Fail(key, $"expected dict or None, got {TypeName(value)}");

    public Dictionary<string, double> DoubleDict(string key)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in Dict(key))
        {
            result[name] = ToDouble($"{key}['{name}']", value);
        }

        return result;
    }

    public Dictionary<string, Dictionary<string, double>> NestedDoubleDict(string key)
    {
        var result = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (outer, value) in Dict(key))
        {
            var inner = value as Dictionary<string, object?>
                ?? throw Fail($"{key}['{outer}']", $"expected dict, got {TypeName(value)}");
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, score) in inner)
            {
                scores[name] = ToDouble($"{key}['{outer}']['{name}']", score);
            }

            result[outer] = scores;
        }

        return result;
    }

    public List<Dictionary<string, object?>> DictList(string key)
    {
        var result = new List<Dictionary<string, object?>>();
        var list = List(key);
        for (var i = 0; i < list.Count; i++)
        {
            result.Add(list[i] as Dictionary<string, object?> ?? throw Fail($"{key}[{i}]", $"expected dict, got {TypeName(list[i])}"));
        }

        return result;
    }

    /// <summary>Every key not consumed so far, with its value, in the dict's order.</summary>
    public Dictionary<string, object?> Extras()
    {
        var extras = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in dict)
        {
            if (!_consumed.Contains(key))
            {
                extras[key] = value;
            }
        }

        return extras;
    }

    public DictMappingException Fail(string key, string problem) => new(entity, key, problem);

    private double ToDouble(string key, object? value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => throw Fail(key, $"expected float, got {TypeName(value)}"),
    };

    private bool Take(string key, out object? value)
    {
        _consumed.Add(key);
        return dict.TryGetValue(key, out value);
    }

    internal static string TypeName(object? value) => value switch
    {
        null => "None",
        string => "str",
        bool => "bool",
        long or int or BigInteger => "int",
        double => "float",
        decimal => "Decimal",
        System.DateTime => "datetime",
        DateOnly => "date",
        byte[] => "bytes",
        object?[] => "tuple",
        List<object?> => "list",
        Dictionary<string, object?> => "dict",
        _ => value.GetType().Name,
    };
}
