using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Socrates.Core.Domain.Values;

/// <summary>
/// The pickle value model as JSON text, exactly round-trippable. Plain JSON carries null, bool,
/// string, list (array) and dict (object, insertion order kept); integers are bare numbers
/// without a point, floats always carry a point or an exponent (so <c>1</c> and <c>1.0</c> stay
/// apart). Everything else is an object tagged by <c>"$t"</c>: <c>datetime</c>, <c>date</c>,
/// <c>decimal</c> (text, scale kept), <c>bytes</c> (base64), <c>tuple</c>, <c>float</c> (NaN and
/// infinities), <c>int</c> (beyond 64 bits), and <c>dict</c> for a real dict whose keys include
/// <c>"$t"</c> (so data can never be mistaken for a tag).
/// </summary>
public static class PyJson
{
    private const string Tag = "$t";
    private const string Value = "v";

    /// <summary>Serialises a value of the pickle value model.</summary>
    public static string Serialize(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Serialises, or returns null for null (for nullable JSON columns).</summary>
    public static string? SerializeNullable(object? value) => value is null ? null : Serialize(value);

    /// <summary>Reads text written by <see cref="Serialize"/> back into the value model.</summary>
    /// <exception cref="FormatException">The text is not PyJson (bad JSON, unknown tag).</exception>
    public static object? Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read())
            {
                throw new FormatException("Empty PyJson text.");
            }

            var value = ReadValue(ref reader);
            if (reader.Read())
            {
                throw new FormatException("Trailing content after the PyJson value.");
            }

            return value;
        }
        catch (JsonException error)
        {
            throw new FormatException($"Not valid PyJson: {error.Message}", error);
        }
    }

    /// <summary>
    /// Checks that <paramref name="json"/> is well-formed JSON without building any value (the
    /// cheap check a lazy reader does up front so corruption is reported where it is read).
    /// </summary>
    /// <exception cref="FormatException">The text is not well-formed JSON.</exception>
    public static string CheckWellFormed(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException error)
        {
            throw new FormatException($"Not valid PyJson: {error.Message}", error);
        }

        return json;
    }

    public static Dictionary<string, object?> DeserializeDict(string json) =>
        Deserialize(json) as Dictionary<string, object?>
            ?? throw new FormatException("The JSON text does not hold a dict.");

    public static List<object?> DeserializeList(string json) =>
        Deserialize(json) as List<object?>
            ?? throw new FormatException("The JSON text does not hold a list.");

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue((long)i);
                break;
            case BigInteger big:
                WriteTagged(writer, "int", big.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteDouble(writer, d);
                break;
            case decimal m:
                WriteTagged(writer, "decimal", m.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                WriteTagged(writer, "datetime", PyDateTime.ToStorage(dt));
                break;
            case DateOnly date:
                WriteTagged(writer, "date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                WriteTagged(writer, "bytes", Convert.ToBase64String(bytes));
                break;
            case object?[] tuple:
                writer.WriteStartObject();
                writer.WriteString(Tag, "tuple");
                writer.WritePropertyName(Value);
                WriteArray(writer, tuple);
                writer.WriteEndObject();
                break;
            case List<object?> list:
                WriteArray(writer, list);
                break;
            case Dictionary<string, object?> dict when dict.ContainsKey(Tag):
                writer.WriteStartObject();
                writer.WriteString(Tag, "dict");
                writer.WritePropertyName(Value);
                WriteObject(writer, dict);
                writer.WriteEndObject();
                break;
            case Dictionary<string, object?> dict:
                WriteObject(writer, dict);
                break;
            default:
                throw new NotSupportedException(
                    $"Type '{value.GetType().FullName}' is not part of the pickle value model.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double d)
    {
        if (!double.IsFinite(d))
        {
            WriteTagged(writer, "float", d.ToString("R", CultureInfo.InvariantCulture));
            return;
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0)
        {
            text += ".0";
        }

        writer.WriteRawValue(text, skipInputValidation: true);
    }

    private static void WriteTagged(Utf8JsonWriter writer, string tag, string text)
    {
        writer.WriteStartObject();
        writer.WriteString(Tag, tag);
        writer.WriteString(Value, text);
        writer.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter writer, IEnumerable<object?> items)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            Write(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, Dictionary<string, object?> dict)
    {
        writer.WriteStartObject();
        foreach (var (key, item) in dict)
        {
            writer.WritePropertyName(key);
            Write(writer, item);
        }

        writer.WriteEndObject();
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            default:
                throw new FormatException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return reader.TryGetInt64(out var l) ? (object)l : BigInteger.Parse(Encoding.UTF8.GetString(raw), CultureInfo.InvariantCulture);
    }

    private static List<object?> ReadArray(ref Utf8JsonReader reader)
    {
        var list = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadValue(ref reader));
        }

        return list;
    }

    /// <summary>A tagged value (first property "$t", the writer always puts it first) or a plain dict.</summary>
    private static object? ReadObject(ref Utf8JsonReader reader)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (first && key == Tag)
            {
                return ReadTagged(ref reader);
            }

            first = false;
            dict[key] = ReadValue(ref reader);
        }

        return dict;
    }

    private static object? ReadTagged(ref Utf8JsonReader reader)
    {
        var tag = reader.GetString();
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.GetString() != Value || !reader.Read())
        {
            throw new FormatException($"PyJson tag '{tag}' is not followed by its \"v\" value.");
        }

        object? value = tag switch
        {
            "int" => BigInteger.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
            "float" => double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            "decimal" => decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            "datetime" => PyDateTime.Parse(reader.GetString()!),
            "date" => DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "bytes" => reader.GetBytesFromBase64(),
            "tuple" => reader.TokenType == JsonTokenType.StartArray ? ReadArray(ref reader).ToArray() : throw new FormatException("A PyJson tuple needs an array."),
            "dict" => reader.TokenType == JsonTokenType.StartObject ? ReadPlainObject(ref reader) : throw new FormatException("A PyJson dict needs an object."),
            _ => throw new FormatException($"Unknown PyJson tag '{tag}'."),
        };
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new FormatException($"PyJson tag '{tag}' has extra properties.");
        }

        return value;
    }

    private static Dictionary<string, object?> ReadPlainObject(ref Utf8JsonReader reader)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            dict[key] = ReadValue(ref reader);
        }

        return dict;
    }
}
