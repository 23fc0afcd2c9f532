using System.Numerics.Tensors;

namespace Socrates.Core.Search;

/// <summary>
/// An immutable run of vectors in one contiguous row-major <c>float[]</c> (row i at
/// <c>i * dimensions</c>) with their ids and scopes side by side: the unit both the exact index
/// (one block) and each IVF list (one block per list) scan with SIMD dot products.
/// Updates return a new block; the old one is never modified, so a reader holding it is safe.
/// </summary>
internal sealed class VectorBlock
{
    public static VectorBlock Empty(int dimensions) => new(dimensions, [], [], [], []);

    public VectorBlock(int dimensions, string[] ids, KnowledgeScope[] scopes, string?[] projectIds, float[] vectors)
    {
        if (ids.Length != scopes.Length || ids.Length != projectIds.Length || vectors.Length != ids.Length * dimensions)
        {
            throw new ArgumentException(
                $"Block arrays disagree: {ids.Length} ids, {scopes.Length} scopes, {projectIds.Length} project ids, {vectors.Length} floats for {dimensions} dimensions.");
        }

        Dimensions = dimensions;
        Ids = ids;
        Scopes = scopes;
        ProjectIds = projectIds;
        Vectors = vectors;
    }

    public int Dimensions { get; }

    public string[] Ids { get; }

    public KnowledgeScope[] Scopes { get; }

    public string?[] ProjectIds { get; }

    public float[] Vectors { get; }

    public int Count => Ids.Length;

    public ReadOnlySpan<float> Row(int i) => Vectors.AsSpan(i * Dimensions, Dimensions);

    public static VectorBlock From(IReadOnlyList<VectorRecord> records, int dimensions)
    {
        var ids = new string[records.Count];
        var scopes = new KnowledgeScope[records.Count];
        var projects = new string?[records.Count];
        var vectors = new float[records.Count * dimensions];
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            RequireDimensions(r, dimensions);
            ids[i] = r.Id;
            scopes[i] = r.Scope;
            projects[i] = r.ProjectId;
            r.Vector.CopyTo(vectors, i * dimensions);
        }

        return new VectorBlock(dimensions, ids, scopes, projects, vectors);
    }

    public VectorRecord RecordAt(int i) => new(Ids[i], Scopes[i], ProjectIds[i], Row(i).ToArray());

    /// <summary>A copy with <paramref name="record"/> appended.</summary>
    public VectorBlock WithAppended(VectorRecord record)
    {
        RequireDimensions(record, Dimensions);
        var vectors = new float[Vectors.Length + Dimensions];
        Vectors.CopyTo(vectors, 0);
        record.Vector.CopyTo(vectors, Vectors.Length);
        return new VectorBlock(Dimensions, [.. Ids, record.Id], [.. Scopes, record.Scope], [.. ProjectIds, record.ProjectId], vectors);
    }

    /// <summary>A copy without row <paramref name="index"/>.</summary>
    public VectorBlock WithoutRow(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var vectors = new float[Vectors.Length - Dimensions];
        Vectors.AsSpan(0, index * Dimensions).CopyTo(vectors);
        Vectors.AsSpan((index + 1) * Dimensions).CopyTo(vectors.AsSpan(index * Dimensions));
        return new VectorBlock(
            Dimensions,
            [.. Ids.AsSpan(0, index), .. Ids.AsSpan(index + 1)],
            [.. Scopes.AsSpan(0, index), .. Scopes.AsSpan(index + 1)],
            [.. ProjectIds.AsSpan(0, index), .. ProjectIds.AsSpan(index + 1)],
            vectors);
    }

    public int IndexOf(string id) => Array.IndexOf(Ids, id);

    /// <summary>Offers every row matching <paramref name="filter"/> to <paramref name="top"/>; returns how many matched.</summary>
    public int Scan(ReadOnlySpan<float> query, ScopeFilter filter, TopKCollector top)
    {
        var dims = Dimensions;
        var vectors = Vectors.AsSpan();
        var matched = 0;
        if (filter.IsUnfiltered)
        {
            for (var i = 0; i < Ids.Length; i++)
            {
                top.Offer(Ids[i], TensorPrimitives.Dot(query, vectors.Slice(i * dims, dims)));
            }

            return Ids.Length;
        }

        for (var i = 0; i < Ids.Length; i++)
        {
            if (filter.Matches(Scopes[i], ProjectIds[i]))
            {
                matched++;
                top.Offer(Ids[i], TensorPrimitives.Dot(query, vectors.Slice(i * dims, dims)));
            }
        }

        return matched;
    }

    /// <summary>How many rows match <paramref name="filter"/>, without scoring them.</summary>
    public int CountMatching(ScopeFilter filter)
    {
        if (filter.IsUnfiltered)
        {
            return Count;
        }

        var n = 0;
        for (var i = 0; i < Ids.Length; i++)
        {
            if (filter.Matches(Scopes[i], ProjectIds[i]))
            {
                n++;
            }
        }

        return n;
    }

    internal static void RequireDimensions(VectorRecord record, int dimensions)
    {
        if (record.Vector.Length != dimensions)
        {
            throw new ArgumentException(
                $"Vector of entry '{record.Id}' has {record.Vector.Length} dimensions; the index holds {dimensions}.", nameof(record));
        }
    }
}
