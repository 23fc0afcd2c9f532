using System.Numerics.Tensors;

namespace Socrates.Core.Search;

/// <summary>
/// Spherical k-means for unit vectors (similarity = dot product, centroids re-normalised):
/// k-means++ seeding then a fixed number of Lloyd iterations, all driven by one seeded
/// <see cref="Random"/>. The assignment step runs in parallel but each point's result depends
/// only on the point and the centroids, so the outcome is identical for identical inputs.
/// </summary>
internal static class KMeans
{
    /// <summary>Trains <paramref name="k"/> unit centroids (row-major, k * dimensions) on <paramref name="data"/>.</summary>
    public static float[] Train(float[] data, int count, int dimensions, int k, int iterations, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, count);
        var random = new Random(seed);
        var centroids = SeedPlusPlus(data, count, dimensions, k, random);
        var assignment = new int[count];
        Array.Fill(assignment, -1);
        var similarity = new float[count];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = Assign(data, count, dimensions, centroids, assignment, similarity);
            Update(data, count, dimensions, centroids, k, assignment, similarity);
            if (!changed && iteration > 0)
            {
                break;
            }
        }

        return centroids;
    }

    /// <summary>The centroid most similar to <paramref name="vector"/>; ties go to the lowest index.</summary>
    public static int Nearest(ReadOnlySpan<float> vector, float[] centroids, int dimensions, out float bestSimilarity)
    {
        var best = 0;
        bestSimilarity = float.NegativeInfinity;
        var lists = centroids.Length / dimensions;
        for (var c = 0; c < lists; c++)
        {
            var s = TensorPrimitives.Dot(vector, centroids.AsSpan(c * dimensions, dimensions));
            if (s > bestSimilarity)
            {
                bestSimilarity = s;
                best = c;
            }
        }

        return best;
    }

    private static float[] SeedPlusPlus(float[] data, int count, int dimensions, int k, Random random)
    {
        var centroids = new float[k * dimensions];
        var first = random.Next(count);
        data.AsSpan(first * dimensions, dimensions).CopyTo(centroids);

        // distance = 1 - cosine, in [0, 2]; D^2 sampling over the nearest chosen centre.
        var nearest = new double[count];
        for (var i = 0; i < count; i++)
        {
            nearest[i] = Distance(data, i, dimensions, centroids, 0);
        }

        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                total += nearest[i] * nearest[i];
            }

            var chosen = 0;
            if (total > 0)
            {
                var target = random.NextDouble() * total;
                var cumulative = 0.0;
                chosen = count - 1;
                for (var i = 0; i < count; i++)
                {
                    cumulative += nearest[i] * nearest[i];
                    if (cumulative >= target && nearest[i] > 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            else
            {
                chosen = random.Next(count);
            }

            data.AsSpan(chosen * dimensions, dimensions).CopyTo(centroids.AsSpan(c * dimensions));
            for (var i = 0; i < count; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance(data, i, dimensions, centroids, c));
            }
        }

        return centroids;
    }

    private static double Distance(float[] data, int row, int dimensions, float[] centroids, int c) =>
        Math.Max(0.0, 1.0 - TensorPrimitives.Dot(data.AsSpan(row * dimensions, dimensions), centroids.AsSpan(c * dimensions, dimensions)));

    private static bool Assign(float[] data, int count, int dimensions, float[] centroids, int[] assignment, float[] similarity)
    {
        var changed = 0;
        Parallel.For(0, count, i =>
        {
            var best = Nearest(data.AsSpan(i * dimensions, dimensions), centroids, dimensions, out var s);
            similarity[i] = s;
            if (assignment[i] != best)
            {
                assignment[i] = best;
                Interlocked.Exchange(ref changed, 1);
            }
        });
        return changed == 1;
    }

    private static void Update(float[] data, int count, int dimensions, float[] centroids, int k, int[] assignment, float[] similarity)
    {
        var sums = new double[k * dimensions];
        var sizes = new int[k];
        for (var i = 0; i < count; i++)
        {
            var c = assignment[i];
            sizes[c]++;
            var row = data.AsSpan(i * dimensions, dimensions);
            var sum = sums.AsSpan(c * dimensions, dimensions);
            for (var j = 0; j < dimensions; j++)
            {
                sum[j] += row[j];
            }
        }

        // An empty cluster takes the point worst served by its centroid (lowest similarity,
        // lowest index on ties), so no list is wasted and the choice is deterministic.
        var taken = new HashSet<int>();
        for (var c = 0; c < k; c++)
        {
            var centroid = centroids.AsSpan(c * dimensions, dimensions);
            if (sizes[c] == 0)
            {
                var worst = -1;
                for (var i = 0; i < count; i++)
                {
                    if (!taken.Contains(i) && (worst < 0 || similarity[i] < similarity[worst]))
                    {
                        worst = i;
                    }
                }

                taken.Add(worst);
                data.AsSpan(worst * dimensions, dimensions).CopyTo(centroid);
                continue;
            }

            var sum = sums.AsSpan(c * dimensions, dimensions);
            var norm = 0.0;
            foreach (var v in sum)
            {
                norm += v * v;
            }

            norm = Math.Sqrt(norm);
            for (var j = 0; j < dimensions; j++)
            {
                centroid[j] = norm > 0 ? (float)(sum[j] / norm) : 0f;
            }
        }
    }
}
