using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.Domain.Values;
using Socrates.Testing.Properties;

namespace Socrates.Core.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class PyJsonTests
{
    [Fact]
    public void RoundTrip_EveryValueModelType_Exact()
    {
        var value = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["none"] = null,
            ["true"] = true,
            ["int"] = 7L,
            ["float_whole"] = 7.0,
            ["float"] = 0.1,
            ["neg_zero"] = -0.0,
            ["nan"] = double.NaN,
            ["inf"] = double.NegativeInfinity,
            ["tiny"] = double.Epsilon,
            ["huge_int"] = BigInteger.Pow(10, 40),
            ["min_long"] = long.MinValue,
            ["decimal"] = 1.50m,
            ["decimal_zero_scale"] = 0.000m,
            ["datetime"] = new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(123_456_0),
            ["date"] = new DateOnly(2024, 2, 29),
            ["bytes"] = new byte[] { 0, 255, 10 },
            ["empty_bytes"] = Array.Empty<byte>(),
            ["tuple"] = new object?[] { "a", 1L, null },
            ["list"] = new List<object?> { new List<object?>(), new Dictionary<string, object?>() },
            ["$t"] = "looks like a tag",
            ["unicode"] = "ü 名 😀 \u0000 \"quoted\" \\",
        };
        var text = PyJson.Serialize(value);
        Assert.Empty(EntityComparer.Diff(value, PyJson.Deserialize(text)));
        Assert.Equal(text, PyJson.Serialize(PyJson.Deserialize(text)));
    }

    [Fact]
    public void Serialize_IntAndWholeFloat_StayDistinct()
    {
        Assert.Equal("7", PyJson.Serialize(7L));
        Assert.Equal("7.0", PyJson.Serialize(7.0));
        Assert.IsType<long>(PyJson.Deserialize("7"));
        Assert.IsType<double>(PyJson.Deserialize("7.0"));
        Assert.IsType<double>(PyJson.Deserialize("1E+300"));
    }

    [Fact]
    public void Serialize_UnsupportedType_ThrowsNamingIt()
    {
        var error = Assert.Throws<NotSupportedException>(() => PyJson.Serialize(new Uri("https://example.com")));
        Assert.Contains("System.Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownTag_FormatException()
    {
        Assert.Throws<FormatException>(() => PyJson.Deserialize("{\"$t\":\"complex\",\"v\":\"1j\"}"));
    }

    [Fact]
    public void RoundTrip_ArbitraryNestedValues_Exact()
    {
        var property = Prop.ForAll(Arb.From(ValueGen(3)), value =>
            EntityComparer.Diff(value, PyJson.Deserialize(PyJson.Serialize(value))).Count == 0);
        PropertyRunner.Check(nameof(RoundTrip_ArbitraryNestedValues_Exact), property);
    }

    private static Gen<object?> ValueGen(int depth)
    {
        var leaves = Gen.OneOf(
            Gen.Constant<object?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (object?)b),
            ArbMap.Default.GeneratorFor<long>().Select(l => (object?)l),
            ArbMap.Default.GeneratorFor<double>().Select(d => (object?)d),
            ArbMap.Default.GeneratorFor<decimal>().Select(m => (object?)m),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is null || !HasLoneSurrogate(s)).Select(s => (object?)s),
            ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null).Select(b => (object?)b),
            Gen.Choose(0, int.MaxValue).Select(n => (object?)new DateTime(2000, 1, 1).AddTicks(n * 10L)),
            Gen.Choose(1, 3_000_000).Select(n => (object?)DateOnly.FromDayNumber(n)),
            ArbMap.Default.GeneratorFor<long>().Select(l => (object?)(new BigInteger(l) * BigInteger.Pow(2, 64))));
        if (depth == 0)
        {
            return leaves;
        }

        var inner = ValueGen(depth - 1);
        return Gen.OneOf(
            leaves,
            leaves,
            inner.ListOf().Select(l => (object?)l.ToList()),
            inner.ArrayOf().Select(a => (object?)a.ToArray()),
            Gen.Zip(ArbMap.Default.GeneratorFor<string>().Where(k => k is not null && !HasLoneSurrogate(k)), inner).ListOf()
                .Select(pairs =>
                {
                    var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var (k, v) in pairs)
                    {
                        dict[k] = v;
                    }

                    return (object?)dict;
                }));
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
