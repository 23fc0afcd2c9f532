namespace Socrates.Core.Domain.Dicts;

/// <summary>Builds an <c>asdict()</c>-shaped dict: known keys in dataclass order, then extras.</summary>
internal static class DictWriter
{
    public static Dictionary<string, object?> WithExtras(Dictionary<string, object?> dict, Dictionary<string, object?> extras)
    {
        foreach (var (key, value) in extras)
        {
            dict[key] = value;
        }

        return dict;
    }

    public static List<object?> Strings(List<string> items) => items.Cast<object?>().ToList();

    public static Dictionary<string, object?> Doubles(Dictionary<string, double> scores) =>
        scores.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
}
