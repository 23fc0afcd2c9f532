using System.Buffers.Binary;

namespace Socrates.Core.Search;

/// <summary>Vectors as SQLite blobs: float32, little-endian, no header (the row's dims column says the length).</summary>
public static class VectorBlob
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <exception cref="KnowledgeStoreException">The blob's length is not <paramref name="dimensions"/> floats.</exception>
    public static float[] Decode(ReadOnlySpan<byte> blob, int dimensions, string entryId)
    {
        if (dimensions < 0 || blob.Length != dimensions * sizeof(float))
        {
            throw new KnowledgeStoreException(
                KnowledgeStoreException.CorruptEmbedding,
                $"Embedding of entry '{entryId}' is {blob.Length} bytes; {dimensions} float32 dimensions need {dimensions * sizeof(float)}.",
                entryId);
        }

        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(blob.Slice(i * sizeof(float)));
        }

        return vector;
    }
}
