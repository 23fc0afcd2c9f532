using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using ZstdSharp;

namespace Socrates.Core.V2.Compression;

/// <summary>
/// How V2 stores long text (message content, descriptions, free-form JSON). A value whose UTF-8
/// form is at least <see cref="MinBytes"/> long and that zstd shrinks by at least an eighth is a
/// BLOB: one format byte (<see cref="ZstdFormat"/>) and a zstd frame declaring its decompressed
/// size. Anything else stays TEXT, so short values cost nothing to read and files holding only
/// TEXT (written before compression) read unchanged: readers tell the two apart by SQLite's
/// storage class. Decoding is bounded: a frame that declares no size or more than
/// <see cref="MaxBytes"/>, decodes to another size, or carries an unknown format byte is a
/// <see cref="FormatException"/> (the V2 layer reports it as corrupt data), never an unbounded
/// allocation.
/// </summary>
public static class StoredText
{
    /// <summary>The format byte of a zstd frame without dictionary.</summary>
    public const byte ZstdFormat = 1;

    /// <summary>Shorter values stay TEXT: a frame's fixed cost (about 10 bytes) eats what zstd saves on them.</summary>
    public const int MinBytes = 96;

    /// <summary>The largest decompressed value read back; longer text is stored uncompressed, so every written value reads back.</summary>
    public const int MaxBytes = 64 << 20;

    /// <summary>zstd's fastest standard level: on message-sized texts levels 1, 3 and 9 all keep about 61% of the bytes.</summary>
    private const int Level = 1;

    [ThreadStatic]
    private static Compressor? t_compressor;

    [ThreadStatic]
    private static Decompressor? t_decompressor;

    /// <summary>The value to bind for <paramref name="text"/>: the string itself, or the compressed BLOB.</summary>
    public static object? Pack(string? text)
    {
        if (text is null || text.Length < MinBytes / 3)
        {
            return text;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        if (length < MinBytes || length > MaxBytes)
        {
            return text;
        }

        var utf8 = ArrayPool<byte>.Shared.Rent(length);
        var frame = ArrayPool<byte>.Shared.Rent(1 + Compressor.GetCompressBound(length));
        try
        {
            Encoding.UTF8.GetBytes(text, utf8);
            t_compressor ??= new Compressor(Level);
            var written = t_compressor.Wrap(utf8.AsSpan(0, length), frame.AsSpan(1));
            if (1 + written > length - (length / 8))
            {
                return text;
            }

            frame[0] = ZstdFormat;
            return frame.AsSpan(0, 1 + written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>The text of a stored BLOB; <paramref name="what"/> names the column in the error.</summary>
    public static string Unpack(ReadOnlySpan<byte> stored, string what)
    {
        if (stored.Length < 2 || stored[0] != ZstdFormat)
        {
            throw new FormatException(stored.Length == 0
                ? $"A stored {what} is an empty BLOB, not compressed text."
                : $"A stored {what} has unknown compression format {stored[0]}.");
        }

        var body = stored[1..];
        ulong declared;
        try
        {
            declared = Decompressor.GetDecompressedSize(body);
        }
        catch (ZstdException error)
        {
            throw new FormatException($"A stored {what} is not a zstd frame with a declared size: {error.Message}", error);
        }

        if (declared > MaxBytes)
        {
            throw new FormatException($"A stored {what} declares {declared} decompressed bytes, above the limit of {MaxBytes}.");
        }

        var size = (int)declared;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            t_decompressor ??= new Decompressor();
            int written;
            try
            {
                written = t_decompressor.Unwrap(body, buffer.AsSpan(0, size));
            }
            catch (ZstdException error)
            {
                throw new FormatException($"A stored {what} does not decompress: {error.Message}", error);
            }

            if (written != size)
            {
                throw new FormatException($"A stored {what} decompressed to {written} bytes, not the {size} it declares.");
            }

            return Encoding.UTF8.GetString(buffer, 0, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The text at <paramref name="ordinal"/> of the current row, TEXT or compressed BLOB (null for NULL).</summary>
    public static string? Read(SqliteDataReader reader, int ordinal, string what)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return reader.GetFieldType(ordinal) == typeof(byte[]) ? ReadBlob(reader, ordinal, what) : reader.GetString(ordinal);
    }

    /// <summary>The text of the compressed BLOB at <paramref name="ordinal"/> of the current row.</summary>
    public static string ReadBlob(SqliteDataReader reader, int ordinal, string what)
    {
        var length = (int)reader.GetBytes(ordinal, 0, null, 0, 0);
        var stored = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            reader.GetBytes(ordinal, 0, stored, 0, length);
            return Unpack(stored.AsSpan(0, length), what);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(stored);
        }
    }
}
