using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class KMeansTests
{
    [Fact]
    public void Train_SameSeed_IdenticalCentroids()
    {
        var (data, n) = Flatten(TestVectors.Records(11, 600));

        var a = KMeans.Train(data, n, 32, 8, 10, seed: 42);
        var b = KMeans.Train(data, n, 32, 8, 10, seed: 42);

        Assert.Equal(a, b);
    }

    [Fact]
    public void Train_OtherSeed_OtherCentroids()
    {
        var (data, n) = Flatten(TestVectors.Records(11, 600));

        Assert.NotEqual(KMeans.Train(data, n, 32, 8, 10, seed: 1), KMeans.Train(data, n, 32, 8, 10, seed: 2));
    }

    [Fact]
    public void Train_AnyData_UnitFiniteCentroidsAllUsed()
    {
        var records = TestVectors.Records(12, 400);
        var (data, n) = Flatten(records);

        var centroids = KMeans.Train(data, n, 32, 8, 10, seed: 3);

        for (var c = 0; c < 8; c++)
        {
            var row = centroids.AsSpan(c * 32, 32).ToArray();
            Assert.All(row, v => Assert.True(float.IsFinite(v)));
            Assert.Equal(1.0, Math.Sqrt(row.Sum(v => (double)v * v)), 4);
        }

        var used = records.Select(r => KMeans.Nearest(r.Vector, centroids, 32, out _)).Distinct().Count();
        Assert.Equal(8, used);
    }

    [Fact]
    public void IvfBuild_SameSeed_SameChecksumAndLists()
    {
        var records = TestVectors.Records(13, 800);
        var options = new IvfOptions { Lists = 10, Seed = 5 };

        var a = IvfIndex.Build(records, 32, TestVectors.Version, options);
        var b = IvfIndex.Build(records.AsEnumerable().Reverse().ToList(), 32, TestVectors.Version, options);

        Assert.Equal(a.Checksum, b.Checksum);
        Assert.Equal(a.ListSizes, b.ListSizes);
        Assert.Equal(a.DefaultProbes, b.DefaultProbes);
    }

    private static (float[] Data, int Count) Flatten(List<VectorRecord> records) =>
        (records.SelectMany(r => r.Vector).ToArray(), records.Count);
}
