namespace Socrates.Core.Domain;

/// <summary>
/// One entry of <c>conversation_history</c>. V1 keeps a free dict; the known keys are
/// <c>role</c>, <c>type</c>, <c>content</c>, <c>timestamp</c> and <c>phase</c>, any other key is
/// kept in <see cref="Extras"/> (pickle value model) so nothing is lost.
/// </summary>
public sealed class ConversationMessage
{
    public string? Role { get; set; }

    public string? Type { get; set; }

    public string? Content { get; set; }

    /// <summary>The message time (naive, microsecond precision).</summary>
    public DateTime? Timestamp { get; set; }

    /// <summary>
    /// True when V1 held the timestamp as an <c>isoformat()</c> string rather than a datetime;
    /// the dict mapper writes it back in the same form.
    /// </summary>
    public bool TimestampIsText { get; set; }

    public string? Phase { get; set; }

    /// <summary>Keys present in V1's dict that are none of the above, with their values.</summary>
    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which of the known keys the V1 dict actually had (the mapper emits only these).</summary>
    public MessageKeys PresentKeys { get; set; } = MessageKeys.All;
}
