using System.Collections.Immutable;
using System.Text;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// An immutable map from string keys to values with value equality and a cached hash, the state
/// of the key-value and document models. Keys are ordered ordinally so that printing is deterministic.
/// </summary>
public sealed class MapState<TValue> : IEquatable<MapState<TValue>>
    where TValue : notnull
{
    private readonly ImmutableSortedDictionary<string, TValue> _entries;
    private readonly int _hash;

    private MapState(ImmutableSortedDictionary<string, TValue> entries)
    {
        _entries = entries;
        var hash = new HashCode();
        foreach (var (key, value) in entries)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        _hash = hash.ToHashCode();
    }

    public static MapState<TValue> Empty { get; } = new(ImmutableSortedDictionary.Create<string, TValue>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    /// <summary>The value at <paramref name="key"/>, or null (absent).</summary>
    public bool TryGet(string key, out TValue value) => _entries.TryGetValue(key, out value!);

    /// <summary>Roughly the bytes held: a tree node per entry plus what <paramref name="valueSize"/> says of each value.</summary>
    public long EstimateSize(Func<TValue, long> valueSize)
    {
        ArgumentNullException.ThrowIfNull(valueSize);
        var bytes = 0L;
        foreach (var (key, value) in _entries)
        {
            bytes += 64 + (2L * key.Length) + valueSize(value);
        }

        return bytes;
    }

    public MapState<TValue> Set(string key, TValue value) => new(_entries.SetItem(key, value));

    public MapState<TValue> Remove(string key) => _entries.ContainsKey(key) ? new(_entries.Remove(key)) : this;

    public bool Equals(MapState<TValue>? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_hash != other._hash || _entries.Count != other._entries.Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!other._entries.TryGetValue(key, out var theirs) || !EqualityComparer<TValue>.Default.Equals(value, theirs))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as MapState<TValue>);

    public override int GetHashCode() => _hash;

    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in _entries)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(key).Append(": ").Append(value);
        }

        return text.Append('}').ToString();
    }
}
