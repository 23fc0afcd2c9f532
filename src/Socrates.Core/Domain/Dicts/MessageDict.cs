using Socrates.Core.Domain.Values;

namespace Socrates.Core.Domain.Dicts;

/// <summary>
/// A <c>conversation_history</c> entry &lt;-&gt; its dict. Only the known keys the V1 dict had
/// are written back (<see cref="ConversationMessage.PresentKeys"/>); a timestamp given as text is
/// written back as the same <c>isoformat()</c> text; a timestamp text that does not re-format
/// identically is kept verbatim in <see cref="ConversationMessage.Extras"/> instead.
/// </summary>
public static class MessageDict
{
    private const string Entity = "ConversationMessage";

    public static Dictionary<string, object?> ToDict(ConversationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        var keys = message.PresentKeys;
        if (keys.HasFlag(MessageKeys.Role))
        {
            dict["role"] = message.Role;
        }

        if (keys.HasFlag(MessageKeys.Type))
        {
            dict["type"] = message.Type;
        }

        if (keys.HasFlag(MessageKeys.Content))
        {
            dict["content"] = message.Content;
        }

        if (keys.HasFlag(MessageKeys.Timestamp))
        {
            dict["timestamp"] = message.Timestamp is { } t && message.TimestampIsText ? PyDateTime.ToIsoFormat(t) : message.Timestamp;
        }

        if (keys.HasFlag(MessageKeys.Phase))
        {
            dict["phase"] = message.Phase;
        }

        return DictWriter.WithExtras(dict, message.Extras);
    }

    public static ConversationMessage FromDict(Dictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(Entity, dict);
        var keys = MessageKeys.None;
        keys |= r.Has("role") ? MessageKeys.Role : 0;
        keys |= r.Has("type") ? MessageKeys.Type : 0;
        keys |= r.Has("content") ? MessageKeys.Content : 0;
        keys |= r.Has("phase") ? MessageKeys.Phase : 0;
        var message = new ConversationMessage
        {
            Role = r.String("role", null),
            Type = r.String("type", null),
            Content = r.String("content", null),
            Phase = r.String("phase", null),
        };

        if (dict.TryGetValue("timestamp", out var raw))
        {
            switch (raw)
            {
                case null:
                    keys |= MessageKeys.Timestamp;
                    r.DateTime("timestamp");
                    break;
                case DateTime:
                    keys |= MessageKeys.Timestamp;
                    message.Timestamp = r.DateTime("timestamp");
                    break;
                case string text when PyDateTime.TryParse(text, out var parsed) && PyDateTime.ToIsoFormat(parsed) == text:
                    keys |= MessageKeys.Timestamp;
                    message.Timestamp = r.DateTime("timestamp");
                    message.TimestampIsText = true;
                    break;
                default:
                    break; // left unconsumed: kept verbatim in Extras
            }
        }

        message.PresentKeys = keys;
        message.Extras = r.Extras();
        return message;
    }
}
