using System.Globalization;
using System.Text.RegularExpressions;

namespace Socrates.Core.Sql;

/// <summary>
/// The only ways a non-constant piece of text may enter SQL: a plain identifier (table or column
/// name) checked and double-quoted, a list of them, a list of parameter placeholders, or an
/// integer. SQLite cannot bind names as parameters, so names are validated instead; values always
/// travel as parameters. The static SQL scan accepts an interpolation hole only when it is a const
/// or a single call to one of these methods.
/// </summary>
public static partial class SqlIdentifier
{
    /// <summary>
    /// True when <paramref name="name"/> is a plain identifier: ASCII letters, digits and underscore,
    /// not starting with a digit. Anchored with \A and \z: "$" would also accept a trailing newline.
    /// </summary>
    public static bool IsPlain(string? name) => !string.IsNullOrEmpty(name) && PlainPattern().IsMatch(name);

    /// <summary>Returns <paramref name="name"/> double-quoted, after checking it is a plain identifier.</summary>
    /// <exception cref="ArgumentException">The name is null, empty or not a plain identifier.</exception>
    public static string Quote(string name)
    {
        if (!IsPlain(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a plain SQL identifier (ASCII letters, digits, underscore; not starting with a digit).",
                nameof(name));
        }

        return "\"" + name + "\"";
    }

    /// <summary>The names, each checked and double-quoted, joined with ", " (for column lists).</summary>
    /// <exception cref="ArgumentException">A name is not a plain identifier, or there are none.</exception>
    public static string QuoteList(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var quoted = names.Select(Quote).ToList();
        if (quoted.Count == 0)
        {
            throw new ArgumentException("an identifier list needs at least one name", nameof(names));
        }

        return string.Join(", ", quoted);
    }

    /// <summary>
    /// The parenthesised placeholder groups of a multi-row VALUES clause:
    /// <c>($r0c0, $r0c1), ($r1c0, $r1c1), …</c> for <paramref name="rows"/> rows of <paramref name="columns"/> values
    /// (row r's placeholders are <see cref="Placeholders"/> with prefix <c>$r{r}c</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">rows or columns is not positive.</exception>
    public static string RowPlaceholders(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        return string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + Placeholders(columns, RowPrefix(r)) + ")"));
    }

    /// <summary>The placeholder prefix of row <paramref name="row"/> in <see cref="RowPlaceholders"/>: <c>$r{row}c</c>.</summary>
    public static string RowPrefix(int row) => "$r" + row.ToString(CultureInfo.InvariantCulture) + "c";

    /// <summary>Parameter placeholders <c>{prefix}0, {prefix}1, …</c>, <paramref name="count"/> of them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is not positive.</exception>
    /// <exception cref="ArgumentException">prefix is not '$', ':' or '@' followed by a plain identifier.</exception>
    public static string Placeholders(int count, string prefix = "$p")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (string.IsNullOrEmpty(prefix) || prefix[0] is not ('$' or ':' or '@') || !IsPlain(prefix[1..]))
        {
            throw new ArgumentException($"'{prefix}' is not a parameter prefix ('$', ':' or '@' then a plain identifier).", nameof(prefix));
        }

        return string.Join(", ", Enumerable.Range(0, count).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Result-column ordinals <c>1, 2, …, count</c> (for ORDER BY over every column).</summary>
    /// <exception cref="ArgumentOutOfRangeException">count is not positive.</exception>
    public static string Ordinals(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return string.Join(", ", Enumerable.Range(1, count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>An integer as SQL text (invariant culture), for places that take no parameter such as pragma arguments.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPattern();
}
