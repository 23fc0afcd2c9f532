using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Socrates.Core.Pickle;

/// <summary>
/// The tagged JSON form of the value model, shared with <c>fixtures/v1/generate_fixtures.py</c>
/// (which documents it): null/bool/str/int64 as plain JSON; {"$int": "digits"} for larger ints;
/// {"$float": "repr"} for every float ("nan", "inf", "-inf", "-0.0"); {"$bytes": base64};
/// arrays are lists; {"$tuple": [...]}; a JSON object is a dict of str keys (none starting with
/// "$"), {"$dict": [[k, v], ...]} any other dict; {"$datetime": "YYYY-MM-DDTHH:MM:SS.ffffff"};
/// {"$date": "YYYY-MM-DD"}; {"$decimal": "str(Decimal)"}.
/// </summary>
public static class PyTaggedJson
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = true };

    public static object? Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = PickleDecoderOptions.DepthCeiling });
        return Read(document.RootElement);
    }

    public static object? Read(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return element.GetDouble();
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(Read).ToList();
            case JsonValueKind.Object:
                return ReadObject(element);
            default:
                throw new FormatException($"Unexpected JSON {element.ValueKind}.");
        }
    }

    private static object? ReadObject(JsonElement element)
    {
        using var properties = element.EnumerateObject();
        var list = properties.ToList();
        if (list.Count == 1 && list[0].Name.StartsWith('$'))
        {
            var value = list[0].Value;
            return list[0].Name switch
            {
                "$int" => PickleReader.Normalize(BigInteger.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
                "$float" => ParseFloat(value.GetString()!),
                "$bytes" => Convert.FromBase64String(value.GetString()!),
                "$tuple" => value.EnumerateArray().Select(Read).ToArray(),
                "$datetime" => DateTime.ParseExact(value.GetString()!, "yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                "$date" => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                "$decimal" => PyDecimal.Parse(value.GetString()!),
                "$dict" => ReadPairs(value),
                var tag => throw new FormatException($"Unknown tag '{tag}'."),
            };
        }

        var dict = new Dictionary<string, object?>(list.Count, StringComparer.Ordinal);
        foreach (var property in list)
        {
            dict[property.Name] = Read(property.Value);
        }

        return dict;
    }

    private static object ReadPairs(JsonElement pairs)
    {
        var entries = pairs.EnumerateArray().Select(p => (Key: Read(p[0]), Value: Read(p[1]))).ToList();
        if (entries.All(e => e.Key is string))
        {
            var byString = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in entries)
            {
                byString[(string)key!] = value;
            }

            return byString;
        }

        var byObject = new Dictionary<object, object?>();
        foreach (var (key, value) in entries)
        {
            byObject[key ?? throw new FormatException("A dict key cannot be null.")] = value;
        }

        return byObject;
    }

    private static double ParseFloat(string text) => text switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Writes <paramref name="value"/> (any type <see cref="PickleEncoder"/> accepts) as tagged JSON.</summary>
    public static string Write(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong or BigInteger:
                var big = value is ulong u ? new BigInteger(u) : (BigInteger)value;
                if (big >= long.MinValue && big <= long.MaxValue)
                {
                    writer.WriteNumberValue((long)big);
                }
                else
                {
                    Tag(writer, "$int", big.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case double or float:
                Tag(writer, "$float", FormatFloat(value is float f ? f : (double)value));
                break;
            case decimal number:
                Tag(writer, "$decimal", PyDecimal.Format(number));
                break;
            case DateTime moment:
                Tag(writer, "$datetime", moment.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                Tag(writer, "$date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                Tag(writer, "$bytes", Convert.ToBase64String(bytes));
                break;
            case object?[] tuple when value.GetType() == typeof(object[]):
                writer.WriteStartObject();
                writer.WritePropertyName("$tuple");
                WriteArray(writer, tuple);
                writer.WriteEndObject();
                break;
            case IReadOnlyDictionary<string, object?> dict when dict.Keys.All(k => !k.StartsWith('$')):
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IDictionary dict:
                writer.WriteStartObject();
                writer.WritePropertyName("$dict");
                writer.WriteStartArray();
                var enumerator = dict.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    writer.WriteStartArray();
                    Write(writer, enumerator.Entry.Key);
                    Write(writer, enumerator.Entry.Value);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case IList list:
                WriteArray(writer, list);
                break;
            default:
                throw new ArgumentException($"{value.GetType().FullName} is not in the value model.", nameof(value));
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, IList items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Write(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void Tag(Utf8JsonWriter writer, string tag, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(tag, text);
        writer.WriteEndObject();
    }

    /// <summary>Python's repr of a float: shortest round-trip digits, "inf"/"nan", always a '.' or exponent.</summary>
    private static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
