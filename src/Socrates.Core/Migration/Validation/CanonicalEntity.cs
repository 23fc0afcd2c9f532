using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Socrates.Core.Migration.Validation;

/// <summary>
/// An entity as ordered (field, canonical value) pairs, the form both sides of a migration are
/// reduced to before comparison. Its checksum is a SHA-256 over the fields, length-prefixed so
/// no two different entities serialise alike.
/// </summary>
public sealed record CanonicalEntity(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static CanonicalEntity Of(params (string Field, string Value)[] fields) =>
        new([.. fields.Select(f => KeyValuePair.Create(f.Field, f.Value))]);

    public string Serialise()
    {
        var builder = new StringBuilder();
        foreach (var (field, value) in Fields)
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field)
                .Append('=')
                .Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value)
                .Append('\n');
        }

        return builder.ToString();
    }

    public string Checksum() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialise())));

    /// <summary>The first field (in this entity's order) whose value differs in <paramref name="other"/> or is missing there.</summary>
    public string? FirstDifferingField(CanonicalEntity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var theirs = other.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (field, value) in Fields)
        {
            if (!theirs.TryGetValue(field, out var their) || !string.Equals(value, their, StringComparison.Ordinal))
            {
                return field;
            }
        }

        var mine = Fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return other.Fields.Select(f => f.Key).FirstOrDefault(f => !mine.Contains(f));
    }
}
