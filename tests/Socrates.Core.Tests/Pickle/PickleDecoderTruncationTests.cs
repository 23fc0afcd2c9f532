using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PickleDecoderTruncationTests
{
    [Theory]
    [InlineData("project_full", 2)]
    [InlineData("project_full", 3)]
    [InlineData("project_full", 4)]
    [InlineData("project_full", 5)]
    [InlineData("question_effectiveness", 2)]
    [InlineData("knowledge_document", 5)]
    public void Decode_TruncatedAtEveryOffset_ThrowsTypedTruncation(string entity, int protocol)
    {
        var data = V1FixtureFiles.Pickle(entity, protocol);
        var untyped = new List<string>();

        for (var length = 0; length < data.Length; length++)
        {
            try
            {
                PickleDecoder.Decode(data.AsSpan(0, length));
                untyped.Add($"{length}: accepted");
            }
            catch (PickleFormatException error) when (error.Code is PickleErrorCode.Truncated or PickleErrorCode.EmptyInput)
            {
                Assert.InRange(error.Offset, 0, length);
            }
#pragma warning disable CA1031 // the test collects every other outcome to report them all at once
            catch (Exception error)
#pragma warning restore CA1031
            {
                untyped.Add($"{length}: {error.GetType().Name} {error.Message}");
            }
        }

        Assert.True(untyped.Count == 0, string.Join(Environment.NewLine, untyped.Take(20)));
    }

    [Fact]
    public void Decode_TruncatedInsideString_NamesTheOpcodeAndItsOffset()
    {
        var data = V1FixtureFiles.Pickle("project_full", 3);

        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data.AsSpan(0, 40)));

        Assert.Equal(23, error.Offset); // the BINUNICODE of the project id, as pickletools shows
        Assert.Equal("BINUNICODE", error.OpcodeName);
        Assert.Equal((byte)'X', error.OpcodeByte);
    }
}
