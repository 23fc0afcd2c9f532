using System.Text;

namespace Socrates.Testing.Linearizability.Edn;

/// <summary>A sequence of EDN values with structural equality: vector, list or set.</summary>
public abstract record EdnSequence(IReadOnlyList<EdnValue> Items) : EdnValue
{
    public virtual bool Equals(EdnSequence? other) =>
        other is not null && other.GetType() == GetType() && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(GetType());
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    private protected string Print(string open, string close) =>
        new StringBuilder(open).AppendJoin(' ', Items).Append(close).ToString();
}

/// <summary><c>[a b c]</c>.</summary>
public sealed record EdnVector(IReadOnlyList<EdnValue> Items) : EdnSequence(Items)
{
    public override string ToString() => Print("[", "]");
}

/// <summary><c>(a b c)</c>.</summary>
public sealed record EdnList(IReadOnlyList<EdnValue> Items) : EdnSequence(Items)
{
    public override string ToString() => Print("(", ")");
}

/// <summary><c>#{a b c}</c> (kept in reading order).</summary>
public sealed record EdnSet(IReadOnlyList<EdnValue> Items) : EdnSequence(Items)
{
    public override string ToString() => Print("#{", "}");
}

/// <summary><c>{:k v, ...}</c>, entries in reading order.</summary>
public sealed record EdnMap(IReadOnlyList<KeyValuePair<EdnValue, EdnValue>> Entries) : EdnValue
{
    /// <summary>The value at keyword <c>:<paramref name="keyword"/></c>, or null when absent.</summary>
    public EdnValue? Get(string keyword)
    {
        foreach (var (key, value) in Entries)
        {
            if (key is EdnKeyword k && string.Equals(k.Name, keyword, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    public bool Equals(EdnMap? other) =>
        other is not null
        && other.Entries.Count == Entries.Count
        && Entries.All(e => other.Entries.Any(o => o.Key.Equals(e.Key) && o.Value.Equals(e.Value)));

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var (key, value) in Entries)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    public override string ToString() =>
        new StringBuilder("{").AppendJoin(", ", Entries.Select(e => $"{e.Key} {e.Value}")).Append('}').ToString();
}
