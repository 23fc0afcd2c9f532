using Socrates.Core.Failpoints;
using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PickleKeyWalkerTests
{
    private static readonly string[] s_listKeys = ["conversation_history", "team_members"];

    public static TheoryData<string> Hostile() => [.. V1FixtureFiles.HostileCases().Select(h => h.File)];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Walk_HostileFixture_LeavesItToTheDecoder(string file)
    {
        var hostile = V1FixtureFiles.HostileCases().Single(h => h.File == file);

        Assert.Null(new PickleKeyWalker().Walk(V1FixtureFiles.HostileBytes(hostile), s_listKeys));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Walk_CPythonProjectFixture_ReadsTheDecodersKeysAndMessageKeys(int protocol)
    {
        var data = V1FixtureFiles.Pickle("project_full", protocol);
        var decoded = (Dictionary<string, object?>)PickleDecoder.Decode(data)!;

        var walked = new PickleKeyWalker().Walk(data, s_listKeys);

        Assert.NotNull(walked);
        Assert.Equal(decoded.Keys, walked.Keys);
        var messages = ((List<object?>)decoded["conversation_history"]!).Cast<Dictionary<string, object?>>().Select(m => m.Keys.ToList()).ToList();
        Assert.NotEmpty(messages);
        Assert.Equal(messages, walked.ItemsOf("conversation_history").Select(k => k.ToList()).ToList());
    }

    [Fact]
    public void Walk_RepeatedKey_KeepsFirstPlaceAndLastValueLikeTheDecoder()
    {
        // {"a": 1, "conversation_history": [], "a": 2, "conversation_history": [{"role": 1}]} written by hand (no encoder writes a repeated key)
        byte[] data =
        [
            0x80, 0x02, (byte)'}', (byte)'(', 0x8c, 1, (byte)'a', (byte)'K', 1,
            0x8c, 20, .. "conversation_history"u8, (byte)']',
            0x8c, 1, (byte)'a', (byte)'K', 2,
            0x8c, 20, .. "conversation_history"u8, (byte)']', (byte)'}', 0x8c, 4, .. "role"u8, (byte)'K', 1, (byte)'s', (byte)'a',
            (byte)'u', (byte)'.',
        ];
        var decoded = (Dictionary<string, object?>)PickleDecoder.Decode(data)!;

        var walked = new PickleKeyWalker().Walk(data, s_listKeys);

        Assert.NotNull(walked);
        Assert.Equal(["a", "conversation_history"], walked.Keys);
        Assert.Equal(decoded.Keys, walked.Keys);
        Assert.Equal(["role"], Assert.Single(walked.ItemsOf("conversation_history")));
    }

    [Fact]
    public void Walk_PopMarkOverPairs_DiscardsThemLikeTheDecoder()
    {
        // {"a": "b"} with a MARK, "x", "y", POP_MARK inside its SETITEMS: the popped pair is no entry.
        byte[] data =
        [
            0x80, 0x02, (byte)'}', (byte)'(', 0x8c, 1, (byte)'a', 0x8c, 1, (byte)'b',
            (byte)'(', 0x8c, 1, (byte)'x', 0x8c, 1, (byte)'y', (byte)'1',
            (byte)'u', (byte)'.',
        ];
        var decoded = (Dictionary<string, object?>)PickleDecoder.Decode(data)!;

        var walked = new PickleKeyWalker().Walk(data, s_listKeys);

        Assert.NotNull(walked);
        Assert.Equal(["a"], walked.Keys);
        Assert.Equal(decoded.Keys, walked.Keys);
    }

    [Fact]
    public void Walk_InvalidUtf8InAValue_LeavesItToTheDecoder()
    {
        byte[] data = [0x80, 0x04, (byte)'}', 0x8c, 1, (byte)'k', 0x8c, 2, 0xC3, 0x28, (byte)'s', (byte)'.'];
        Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data));

        Assert.Null(new PickleKeyWalker().Walk(data, s_listKeys));
    }

    [Fact]
    public void Walk_ContainerSharedThroughTheMemo_LeavesItToTheDecoder()
    {
        // {"a": L, "b": L} with one list L memoized and fetched again: sharing and cycles are the decoder's to judge.
        byte[] data = [0x80, 0x02, (byte)'}', (byte)'(', 0x8c, 1, (byte)'a', (byte)']', (byte)'q', 0, 0x8c, 1, (byte)'b', (byte)'h', 0, (byte)'u', (byte)'.'];
        Assert.IsType<Dictionary<string, object?>>(PickleDecoder.Decode(data));

        Assert.Null(new PickleKeyWalker().Walk(data, s_listKeys));
    }

    [Fact]
    public void Walk_DictWithIntKeys_LeavesItToTheDecoder()
    {
        var data = PickleEncoder.Encode(new Dictionary<object, object?> { [1L] = "x", ["k"] = 2L });

        Assert.Null(new PickleKeyWalker().Walk(data, s_listKeys));
    }

    [Fact]
    public void Walk_MessageWithIntKeys_IsLeftOutOfItemKeysAsTheScannerSkipsIt()
    {
        var data = PickleEncoder.Encode(new Dictionary<string, object?>
        {
            ["conversation_history"] = new List<object?> { new Dictionary<object, object?> { [1L] = "x" }, new Dictionary<string, object?> { ["role"] = "u" }, "text" },
        });

        var walked = new PickleKeyWalker().Walk(data, s_listKeys);

        Assert.NotNull(walked);
        Assert.Equal(["role"], Assert.Single(walked.ItemsOf("conversation_history")));
        Assert.Empty(walked.ItemsOf("team_members"));
    }

    [Fact]
    public void Walk_InvalidDatetimeState_LeavesItToTheDecoder()
    {
        var data = PickleEncoder.Encode(new Dictionary<string, object?> { ["t"] = new DateTime(2024, 2, 29, 1, 2, 3, DateTimeKind.Unspecified) });
        var day = Array.LastIndexOf(data, (byte)29);
        data[day] = 30; // 2024-02-30
        Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data));

        Assert.Null(new PickleKeyWalker().Walk(data, s_listKeys));
    }

    [Fact]
    public void Walk_UnderAPickleFailpoint_LeavesItToTheDecoder()
    {
        var data = PickleEncoder.Encode(new Dictionary<string, object?> { ["k"] = 1L });
        Assert.NotNull(new PickleKeyWalker().Walk(data, s_listKeys));

        using (Failpoint.Enable(PickleFailpoints.DecodeSkipGlobalAllowList))
        {
            Assert.Null(new PickleKeyWalker().Walk(data, s_listKeys));
        }
    }
}
