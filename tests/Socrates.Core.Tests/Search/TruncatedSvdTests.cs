using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class TruncatedSvdTests
{
    [Fact]
    public void Decompose_RandomSymmetric_EigenpairsOrthonormalAndDescending()
    {
        const int n = 12;
        var random = new Random(3);
        var matrix = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                matrix[(i * n) + j] = matrix[(j * n) + i] = (random.NextDouble() * 2) - 1;
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(matrix, n);

        for (var e = 0; e < n; e++)
        {
            if (e > 0)
            {
                Assert.True(values[e] <= values[e - 1]);
            }

            for (var i = 0; i < n; i++)
            {
                var av = 0.0;
                for (var j = 0; j < n; j++)
                {
                    av += matrix[(i * n) + j] * vectors[(e * n) + j];
                }

                Assert.Equal(values[e] * vectors[(e * n) + i], av, 10);
            }

            for (var f = 0; f < n; f++)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dot += vectors[(e * n) + i] * vectors[(f * n) + i];
                }

                Assert.Equal(e == f ? 1.0 : 0.0, dot, 10);
            }
        }

        // Trace is preserved.
        Assert.Equal(Enumerable.Range(0, n).Sum(i => matrix[(i * n) + i]), values.Sum(), 10);
    }

    [Fact]
    public void Fit_KnownSpectrum_RecoversSingularValuesAndDirections()
    {
        // Rows 0..5 are multiples of unit vectors e_0..e_5 with weights 6..1 (each twice, so the
        // singular value of direction j is weight * sqrt(2)); the top 3 must be found exactly.
        var rows = new List<SparseVector>();
        for (var j = 0; j < 6; j++)
        {
            rows.Add(new SparseVector([j * 3], [6.0 - j]));
            rows.Add(new SparseVector([j * 3], [6.0 - j]));
        }

        var (basis, singular) = TruncatedSvd.Fit(new SparseRowMatrix(rows, 32), rank: 3, oversampling: 3, powerIterations: 2, seed: 1);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((6.0 - i) * Math.Sqrt(2), singular[i], 9);
            // Direction i is +/- e_{3i}: row 3i of the basis holds +/-1 in column i, all else 0.
            for (var feature = 0; feature < 32; feature++)
            {
                Assert.Equal(feature == i * 3 ? 1.0 : 0.0, Math.Abs(basis[(feature * 3) + i]), 9);
            }
        }
    }

    [Fact]
    public void Fit_SameInputTwice_BitIdentical()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 40).Select(_ =>
        {
            var indices = Enumerable.Range(0, 64).Where(_ => random.NextDouble() < 0.2).ToArray();
            return new SparseVector(indices, [.. indices.Select(_ => random.NextDouble())]);
        }).ToList();
        var matrix = new SparseRowMatrix(rows, 64);

        var first = TruncatedSvd.Fit(matrix, 10, 4, 2, 5);
        var second = TruncatedSvd.Fit(matrix, 10, 4, 2, 5);

        Assert.Equal(first.Basis, second.Basis);
        Assert.Equal(first.SingularValues, second.SingularValues);
        Assert.NotEqual(first.Basis, TruncatedSvd.Fit(matrix, 10, 4, 2, 6).Basis);
    }
}
