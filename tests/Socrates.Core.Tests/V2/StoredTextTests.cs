using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using Socrates.Core.V2;
using Socrates.Core.V2.Compression;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class StoredTextTests
{
    private static readonly string s_long = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. ", 20));

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("ends in a NUL\0 and an emoji 🦊, repeated: ")]
    public void Pack_ShortText_StaysText(string text) => Assert.Same(text, StoredText.Pack(text));

    [Fact]
    public void Pack_Null_StaysNull() => Assert.Null(StoredText.Pack(null));

    [Fact]
    public void Pack_LongText_CompressesAndUnpacksExactly()
    {
        var text = s_long + "ünïcödé 🦊 \0 end";

        var stored = Assert.IsType<byte[]>(StoredText.Pack(text));

        Assert.Equal(StoredText.ZstdFormat, stored[0]);
        Assert.True(stored.Length < text.Length / 2, $"{stored.Length} bytes for {text.Length} characters");
        Assert.Equal(text, StoredText.Unpack(stored, "content"));
    }

    [Fact]
    public void Pack_IncompressibleText_StaysText()
    {
        var random = new Random(5);
        // Uniform over the 128 ASCII codes: 7 bits of entropy per byte, so zstd cannot save the eighth it must.
        var text = new string(Enumerable.Range(0, 400).Select(_ => (char)random.Next(0, 128)).ToArray());

        Assert.Same(text, StoredText.Pack(text));
    }

    [Fact]
    public void Unpack_UnknownFormat_FormatExceptionNamingColumn()
    {
        var stored = (byte[])StoredText.Pack(s_long)!;
        stored[0] = 9;

        var error = Assert.Throws<FormatException>(() => StoredText.Unpack(stored, "message content"));

        Assert.Contains("message content", error.Message, StringComparison.Ordinal);
        Assert.Contains("format 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpack_TruncatedFrame_FormatException()
    {
        var stored = (byte[])StoredText.Pack(s_long)!;

        Assert.Throws<FormatException>(() => StoredText.Unpack(stored.AsSpan(0, stored.Length - 3), "content"));
    }

    [Fact]
    public void Unpack_FrameDeclaringHugeSize_FormatExceptionBeforeAllocating()
    {
        // Format byte, zstd magic, descriptor (8-byte content size, window descriptor follows), window,
        // a content size of 2^40, then one empty raw last block.
        var frame = new byte[] { ZstdFormat(), 0x28, 0xB5, 0x2F, 0xFD, 0xC0, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00 };
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(7, 8), 1UL << 40);

        var error = Assert.Throws<FormatException>(() => StoredText.Unpack(frame, "content"));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpack_FrameLyingAboutItsSize_FormatException()
    {
        var stored = (byte[])StoredText.Pack(s_long)!;

        // A text this short is one segment with a two-byte content size right after the descriptor.
        Assert.Equal(0x60, stored[5] & 0xE0);
        stored[6]++;

        Assert.Throws<FormatException>(() => StoredText.Unpack(stored, "content"));
    }

    [Fact]
    public async Task LoadProject_CorruptCompressedContent_TypedCorruptDataError()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(9).Project("o");
        project.ConversationHistory[0].Content = s_long;
        await test.Database.SaveProjectAsync(project, null);
        await using (var raw = new SqliteConnection($"Data Source={test.Path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "UPDATE conversation_messages SET content = X'01FFFFFFFF00' WHERE project_id = $id AND position = 0;";
            command.Parameters.AddWithValue("$id", project.ProjectId);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DatabaseException>(() => test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full));
        Assert.Equal(DatabaseErrorCode.CorruptData, error.Code);
    }

    [Fact]
    public async Task SaveProject_LongTexts_StoredCompressedAndLoadedBackEqual()
    {
        await using var test = await TestDatabase.CreateAsync();
        var project = new SocratesDataGenerator(11).Project("o");
        project.Description = s_long;
        project.ConversationHistory[0].Content = s_long;
        await test.Database.SaveProjectAsync(project, null);

        await using (var raw = new SqliteConnection($"Data Source={test.Path};Pooling=False"))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText =
                "SELECT (SELECT typeof(content) FROM conversation_messages WHERE project_id = $id AND position = 0), " +
                "(SELECT typeof(description) FROM project_details WHERE project_id = $id);";
            command.Parameters.AddWithValue("$id", project.ProjectId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("blob", reader.GetString(0));
            Assert.Equal("blob", reader.GetString(1));
        }

        var loaded = await test.Database.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);

        Assert.NotNull(loaded);
        Assert.Equal(s_long, loaded.Description);
        Assert.Equal(project.ConversationHistory.Select(m => m.Content), loaded.ConversationHistory.Select(m => m.Content));
    }

    private static byte ZstdFormat() => StoredText.ZstdFormat;
}
