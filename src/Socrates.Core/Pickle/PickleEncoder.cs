namespace Socrates.Core.Pickle;

/// <summary>
/// Writes values of the value model as pickles CPython's <c>pickle.loads</c> reads back to equal
/// values (protocols 2 to 5, no memo). Accepted .NET types: null, bool, string, every integer
/// type (→ int), BigInteger, double/float (→ float), decimal (→ decimal.Decimal, scale kept),
/// DateTime of any Kind (→ naive datetime: the Kind is dropped and ticks below a microsecond are
/// truncated, as Python datetimes have microsecond resolution), DateOnly (→ date), byte[]
/// (→ bytes), object?[] exactly (→ tuple), any other array, IReadOnlyList&lt;object?&gt; or IList
/// (→ list), IReadOnlyDictionary&lt;string, object?&gt; or IDictionary with str/int/bool keys
/// (→ dict, in enumeration order). Anything else (DateTimeOffset, sets, objects, a container
/// holding itself, nesting beyond 1,000) is a <see cref="PickleEncodingException"/> naming the
/// type and its path, e.g. <c>$.team_members[2].joined_at</c>.
/// </summary>
public static class PickleEncoder
{
    public const int MinProtocol = 2;
    public const int MaxProtocol = 5;
    public const int DefaultProtocol = 4;

    /// <summary>Deepest container nesting written (the same default the decoder accepts).</summary>
    public const int MaxDepth = 1_000;

    public static byte[] Encode(object? value, int protocol = DefaultProtocol)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(protocol, MinProtocol);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(protocol, MaxProtocol);
        return new PickleWriter(protocol).Write(value);
    }
}
