using System.Collections;
using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;

namespace Socrates.Core.Domain.Comparison;

/// <summary>
/// Field-by-field comparison of domain entities and pickle-model values, listing every
/// differing path (<c>ConversationHistory[3].Content</c>, <c>AnalyticsMetrics['x'][0]</c>).
/// Rules: lists and tuples compare in order; dicts by key set then value; decimals by value AND
/// scale (1.5 and 1.50 differ, as their text does); datetimes to the microsecond; doubles
/// bit for bit (NaN equals NaN, 0.0 and -0.0 differ); int 7 and float 7.0 differ (types are part
/// of the value); byte arrays byte by byte. Properties marked <see cref="StorageOnlyAttribute"/>
/// are skipped.
/// </summary>
public static class EntityComparer
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    /// <summary>Every differing path; empty when the two are equal.</summary>
    public static IReadOnlyList<string> Diff(object? expected, object? actual, string root = "")
    {
        var differences = new List<string>();
        Compare(expected, actual, root, differences);
        return differences;
    }

    /// <summary>True when <see cref="Diff"/> finds nothing.</summary>
    public static bool AreEqual(object? expected, object? actual) => Diff(expected, actual).Count == 0;

    private static void Compare(object? expected, object? actual, string path, List<string> differences)
    {
        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                differences.Add($"{Label(path)}: expected {Show(expected)}, actual {Show(actual)}");
            }

            return;
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            differences.Add($"{Label(path)}: expected {type.Name} {Show(expected)}, actual {actual.GetType().Name} {Show(actual)}");
            return;
        }

        switch (expected)
        {
            case string or bool or long or int or BigInteger or DateOnly or Enum:
                AddIf(!expected.Equals(actual), expected, actual, path, differences);
                return;
            case double d:
                var other = (double)actual;
                AddIf(BitConverter.DoubleToInt64Bits(d) != BitConverter.DoubleToInt64Bits(other)
                    && !(double.IsNaN(d) && double.IsNaN(other)), expected, actual, path, differences);
                return;
            case decimal m:
                var n = (decimal)actual;
                AddIf(m != n || m.Scale != n.Scale, expected, actual, path, differences);
                return;
            case DateTime t:
                AddIf(t.Ticks / 10 != ((DateTime)actual).Ticks / 10, expected, actual, path, differences);
                return;
            case byte[] bytes:
                AddIf(!bytes.AsSpan().SequenceEqual((byte[])actual), expected, actual, path, differences);
                return;
            case IDictionary dict:
                CompareDictionaries(dict, (IDictionary)actual, path, differences);
                return;
            case IList list:
                CompareLists(list, (IList)actual, path, differences);
                return;
            default:
                CompareProperties(type, expected, actual, path, differences);
                return;
        }
    }

    private static void CompareLists(IList expected, IList actual, string path, List<string> differences)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add($"{Label(path)}: expected {expected.Count} items, actual {actual.Count}");
        }

        var common = Math.Min(expected.Count, actual.Count);
        for (var i = 0; i < common; i++)
        {
            Compare(expected[i], actual[i], $"{path}[{i}]", differences);
        }
    }

    private static void CompareDictionaries(IDictionary expected, IDictionary actual, string path, List<string> differences)
    {
        foreach (DictionaryEntry entry in expected)
        {
            var itemPath = $"{path}['{entry.Key}']";
            if (!actual.Contains(entry.Key))
            {
                differences.Add($"{itemPath}: missing");
                continue;
            }

            Compare(entry.Value, actual[entry.Key], itemPath, differences);
        }

        foreach (DictionaryEntry entry in actual)
        {
            if (!expected.Contains(entry.Key))
            {
                differences.Add($"{path}['{entry.Key}']: unexpected");
            }
        }
    }

    private static void CompareProperties(Type type, object expected, object actual, string path, List<string> differences)
    {
        if (!type.IsClass || type.Namespace is null || !type.Namespace.StartsWith("Socrates.", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"EntityComparer cannot compare values of type '{type.FullName}' at '{Label(path)}'.");
        }

        var properties = s_properties.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<StorageOnlyAttribute>() is null)
            .ToArray());
        foreach (var property in properties)
        {
            Compare(property.GetValue(expected), property.GetValue(actual),
                path.Length == 0 ? property.Name : $"{path}.{property.Name}", differences);
        }
    }

    private static void AddIf(bool differs, object expected, object actual, string path, List<string> differences)
    {
        if (differs)
        {
            differences.Add($"{Label(path)}: expected {Show(expected)}, actual {Show(actual)}");
        }
    }

    private static string Label(string path) => path.Length == 0 ? "(root)" : path;

    private static string Show(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => $"'{s}'",
            DateTime t => Values.PyDateTime.ToStorage(t),
            byte[] b => $"bytes[{b.Length}]",
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            IList l => $"list[{l.Count}]",
            IDictionary d => $"dict[{d.Count}]",
            _ => value.ToString() ?? "",
        };
        return text.Length > 80 ? text[..77] + "..." : text;
    }
}
