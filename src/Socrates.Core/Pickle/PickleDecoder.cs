namespace Socrates.Core.Pickle;

/// <summary>
/// Decodes what CPython's <c>pickle.dumps</c> writes for V1's dicts (protocols 2 to 5) into the
/// value model: None → null, bool, int → long (BigInteger beyond Int64), float → double,
/// str → string, bytes/bytearray → byte[], list → List&lt;object?&gt;, tuple → object?[],
/// dict → Dictionary&lt;string, object?&gt; (all keys str, insertion order kept) or
/// Dictionary&lt;object, object?&gt; (str/int/bool keys), naive datetime → DateTime
/// (Kind Unspecified, microseconds exact), date → DateOnly, Decimal → decimal (scale kept).
/// Never executes or imports anything; anything else is a <see cref="PickleFormatException"/>.
/// </summary>
public static class PickleDecoder
{
    /// <summary>Decodes one pickle; throws <see cref="PickleFormatException"/> on any refusal.</summary>
    public static object? Decode(ReadOnlySpan<byte> data, PickleDecoderOptions? options = null)
    {
        var reader = new PickleReader(data, (options ?? PickleDecoderOptions.Default).Validate());
        return reader.Read();
    }

    /// <inheritdoc cref="Decode(ReadOnlySpan{byte}, PickleDecoderOptions?)"/>
    public static object? Decode(byte[] data, PickleDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Decode(data.AsSpan(), options);
    }
}
