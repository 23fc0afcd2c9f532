namespace Socrates.Core.Domain.Dicts;

/// <summary><see cref="LlmUsageRecord"/> &lt;-&gt; <c>asdict(...)</c>.</summary>
public static class LlmUsageRecordDict
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "id", "user_id", "provider", "model", "timestamp", "input_tokens", "output_tokens",
        "total_tokens", "latency_ms", "cost", "success", "error_message", "request_id",
    ];

    public static Dictionary<string, object?> ToDict(LlmUsageRecord u)
    {
        ArgumentNullException.ThrowIfNull(u);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = u.Id,
            ["user_id"] = u.UserId,
            ["provider"] = u.Provider,
            ["model"] = u.Model,
            ["timestamp"] = u.Timestamp,
            ["input_tokens"] = u.InputTokens,
            ["output_tokens"] = u.OutputTokens,
            ["total_tokens"] = u.TotalTokens,
            ["latency_ms"] = u.LatencyMs,
            ["cost"] = u.Cost,
            ["success"] = u.Success,
            ["error_message"] = u.ErrorMessage,
            ["request_id"] = u.RequestId,
        };
        return DictWriter.WithExtras(dict, u.Extras);
    }

    public static LlmUsageRecord FromDict(IReadOnlyDictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(nameof(LlmUsageRecord), dict);
        var u = new LlmUsageRecord
        {
            Id = r.RequiredString("id"),
            UserId = r.RequiredString("user_id"),
            Provider = r.RequiredString("provider"),
            Model = r.RequiredString("model"),
            Timestamp = r.RequiredDateTime("timestamp", DateTime.MinValue),
            InputTokens = r.Long("input_tokens", 0),
            OutputTokens = r.Long("output_tokens", 0),
            TotalTokens = r.Long("total_tokens", 0),
            LatencyMs = r.Double("latency_ms", 0.0),
            Cost = r.Double("cost", 0.0),
            Success = r.Bool("success", true),
            ErrorMessage = r.String("error_message", null),
            RequestId = r.String("request_id", null),
        };
        u.Extras = r.Extras();
        return u;
    }
}
