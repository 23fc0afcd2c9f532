using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;

namespace Socrates.Core.V2.Rows;

/// <summary>
/// Reads the rows of <see cref="MessageSql.Columns"/>. A full load reads hundreds of messages,
/// and each column read through ADO.NET is a separate native call (type check, text pointer,
/// UTF-8 decode): reading eight nullable columns one by one cost more than all the rest of the
/// load. So the statement packs a message into three columns: the short texts as one JSON array
/// (SQLite's <c>json_array</c>, exact for any text including NUL; NULL stays null), the content
/// (the one big text, read as is) and the flags as one integer.
/// </summary>
internal static class MessageRows
{
    /// <summary>Bit 0 of the flags column: timestamp_text. Bits 1..5: present_keys. Bit 6: content IS NULL.</summary>
    private const long TimestampTextBit = 1;
    private const int PresentKeysShift = 1;
    private const long PresentKeysMask = 0x1F;
    private const long ContentNullBit = 1 << 6;

    /// <summary>role, type, timestamp, phase, extra_json: the order of the JSON array in <see cref="MessageSql.Columns"/>.</summary>
    private const int PackedFields = 5;

    public static List<ConversationMessage> ReadAll(SqliteDataReader reader)
    {
        var messages = new List<ConversationMessage>();
        var scratch = ArrayPool<byte>.Shared.Rent(512);
        var fields = new string?[PackedFields];
        try
        {
            while (reader.Read())
            {
                messages.Add(Read(reader, fields, ref scratch));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return messages;
    }

    private static ConversationMessage Read(SqliteDataReader r, string?[] fields, ref byte[] scratch)
    {
        var meta = r.GetString(0);
        if (!TrySplitPlain(meta, fields))
        {
            ParseJson(meta, fields, ref scratch);
        }

        var extras = fields[4] ?? throw new FormatException("A message's extra_json is NULL.");
        var flags = r.GetInt64(2);
        var message = new ConversationMessage
        {
            Role = fields[0],
            Type = fields[1],
            Content = (flags & ContentNullBit) != 0 ? null : r.GetString(1),
            Timestamp = fields[2] is { } timestamp ? PyDateTime.Parse(timestamp) : null,
            TimestampIsText = (flags & TimestampTextBit) != 0,
            Phase = fields[3],
            PresentKeys = (MessageKeys)((flags >> PresentKeysShift) & PresentKeysMask),
        };

        // Most messages carry no extra keys: the new message's own empty dict, no parser.
        if (extras != ProjectRows.EmptyDictJson)
        {
            message.Extras = PyJson.DeserializeDict(extras);
        }

        return message;
    }

    /// <summary>
    /// The common case without a JSON parser: no backslash anywhere, so every string is the text
    /// between two quotes, and every value is a string or null. False (nothing decided) otherwise.
    /// </summary>
    private static bool TrySplitPlain(string meta, string?[] fields)
    {
        var text = meta.AsSpan();
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']' || text.Contains('\\'))
        {
            return false;
        }

        var at = 1;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                if (at >= text.Length || text[at] != ',')
                {
                    return false;
                }

                at++;
            }

            if (text[at..].StartsWith("null", StringComparison.Ordinal))
            {
                fields[i] = null;
                at += 4;
            }
            else if (text[at] == '"')
            {
                var end = text[(at + 1)..].IndexOf('"');
                if (end < 0)
                {
                    return false;
                }

                // Roles, types and phases repeat from message to message: reuse the previous
                // message's string (still in fields[i]) when the text is the same.
                var value = text.Slice(at + 1, end);
                if (fields[i] is not { } previous || !value.SequenceEqual(previous))
                {
                    fields[i] = new string(value);
                }

                at += end + 2;
            }
            else
            {
                return false;
            }
        }

        return at == text.Length - 1;
    }

    /// <summary>The general case (escapes, numbers): System.Text.Json's reader.</summary>
    private static void ParseJson(string meta, string?[] fields, ref byte[] scratch)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(meta.Length);
        if (scratch.Length < needed)
        {
            ArrayPool<byte>.Shared.Return(scratch);
            scratch = ArrayPool<byte>.Shared.Rent(needed);
        }

        var length = Encoding.UTF8.GetBytes(meta, scratch);
        var json = new Utf8JsonReader(scratch.AsSpan(0, length));
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException("A message's packed columns are not a JSON array.");
        }

        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = NextText(ref json);
        }

        if (!json.Read() || json.TokenType != JsonTokenType.EndArray)
        {
            throw new FormatException("A message's packed columns have more values than expected.");
        }
    }

    private static string? NextText(ref Utf8JsonReader json)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => json.GetString(),

            // A number in a TEXT column (only a hand-edited file holds one): its text, as GetString gave.
            JsonTokenType.Number => Encoding.UTF8.GetString(json.ValueSpan),
            _ => throw new FormatException($"Unexpected {json.TokenType} in a message's packed columns."),
        };
    }
}
