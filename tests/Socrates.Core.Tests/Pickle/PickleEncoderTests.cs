using System.Numerics;
using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PickleEncoderTests
{
    private static readonly string[] s_strings = ["a", "b"];

    [Fact]
    public void Encode_DateTimeOffsetInNestedValue_ThrowsWithPath()
    {
        var project = new Dictionary<string, object?>
        {
            ["team_members"] = new List<object?>
            {
                new Dictionary<string, object?> { ["username"] = "a" },
                new Dictionary<string, object?> { ["username"] = "b" },
                new Dictionary<string, object?> { ["username"] = "c", ["joined_at"] = DateTimeOffset.UnixEpoch },
            },
        };

        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(project));

        Assert.Equal("$.team_members[2].joined_at", error.Path);
        Assert.Equal(typeof(DateTimeOffset), error.ValueType);
        Assert.Contains("$.team_members[2].joined_at", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.DateTimeOffset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_UnsupportedTypeUnderOddKey_PathQuotesKey()
    {
        var value = new Dictionary<string, object?> { ["a key"] = new object?[] { 1, Guid.Empty } };

        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(value));

        Assert.Equal("$[\"a key\"][1]", error.Path);
        Assert.Equal(typeof(Guid), error.ValueType);
    }

    [Fact]
    public void Encode_SelfContainingList_ThrowsInsteadOfRecursing()
    {
        var list = new List<object?>();
        list.Add(list);

        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(list));

        Assert.Equal("$[0]", error.Path);
    }

    [Fact]
    public void Encode_LoneSurrogate_ThrowsTyped()
    {
        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(new List<object?> { "ok", "\ud800" }));

        Assert.Equal("$[1]", error.Path);
    }

    [Fact]
    public void Encode_FloatKeyedDictionary_ThrowsNamingKey()
    {
        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(new Dictionary<object, object?> { [1.5] = 1 }));

        Assert.Equal(typeof(double), error.ValueType);
    }

    [Fact]
    public void Encode_TrueAndOneAsKeys_ThrowsBecausePythonMergesThem()
    {
        var error = Assert.Throws<PickleEncodingException>(() => PickleEncoder.Encode(new Dictionary<object, object?> { [1L] = "a", [true] = "b" }));

        Assert.Equal("$[True]", error.Path);
    }

    [Fact]
    public void Decode_TrueAfterOneAsKey_MergesLikePython()
    {
        // {1: 'a'} then SETITEM True: 'b' -> Python keeps key 1 with value 'b'
        byte[] data = [0x80, 2, (byte)'}', (byte)'K', 1, 0x8c, 1, (byte)'a', (byte)'s', 0x88, 0x8c, 1, (byte)'b', (byte)'s', (byte)'.'];

        var dict = Assert.IsType<Dictionary<object, object?>>(PickleDecoder.Decode(data));

        Assert.Equal("b", Assert.Single(dict).Value);
        Assert.Equal(1L, dict.Keys.Single());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Encode_ProtocolOutOfRange_Throws(int protocol) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PickleEncoder.Encode(null, protocol));

    [Fact]
    public void Encode_DateTimeWithSubMicrosecondTicksAndUtcKind_WritesNaiveMicroseconds()
    {
        var utc = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567);

        var decoded = Assert.IsType<DateTime>(PickleDecoder.Decode(PickleEncoder.Encode(utc)));

        Assert.Equal(DateTimeKind.Unspecified, decoded.Kind);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5).AddTicks(1_234_560), decoded);
    }

    [Fact]
    public void Encode_OtherIntegerTypesAndFloat_DecodeAsLongAndDouble()
    {
        var value = new List<object?> { 1, (short)-2, (byte)3, 4u, ulong.MaxValue, 1.5f, new List<long> { 7, 8 }, s_strings };

        var decoded = Assert.IsType<List<object?>>(PickleDecoder.Decode(PickleEncoder.Encode(value, 2)));

        Assert.Equal(1L, decoded[0]);
        Assert.Equal(-2L, decoded[1]);
        Assert.Equal(3L, decoded[2]);
        Assert.Equal(4L, decoded[3]);
        Assert.Equal(new BigInteger(ulong.MaxValue), decoded[4]);
        Assert.Equal(1.5, decoded[5]);
        Assert.Equal(new List<object?> { 7L, 8L }, decoded[6]);
        Assert.Equal(new List<object?> { "a", "b" }, decoded[7]); // a string[] is a list; only object?[] is a tuple
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Encode_LargeContainers_BatchLikeCPython(int protocol)
    {
        var list = Enumerable.Range(0, 2_001).Select(i => (object?)(long)i).ToList();
        var dict = Enumerable.Range(0, 1_001).ToDictionary(i => "k" + i, i => (object?)(long)i);

        Assert.True(PyValueComparer.Strict.Equals(list, PickleDecoder.Decode(PickleEncoder.Encode(list, protocol))));
        Assert.True(PyValueComparer.Strict.Equals(dict, PickleDecoder.Decode(PickleEncoder.Encode(dict, protocol))));
    }

    [Fact]
    public void Encode_Protocol4_StartsWithProtoAndOneFrame()
    {
        var data = PickleEncoder.Encode(new Dictionary<string, object?> { ["a"] = 1L });

        Assert.Equal([0x80, 4, 0x95], data[..3]);
        Assert.Equal((ulong)(data.Length - 11), BitConverter.ToUInt64(data, 3));
        Assert.Equal((byte)'.', data[^1]);
    }
}
