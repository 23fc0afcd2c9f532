namespace Socrates.Core.Search;

/// <summary>
/// The top right singular vectors of a sparse matrix by a seeded randomized range finder
/// (Halko, Martinsson and Tropp 2011): Y = (A A^T)^q A Omega with a pseudo-random Omega, an
/// orthonormal basis Q of Y, then the small symmetric problem B B^T = Q^T A A^T Q solved exactly
/// (<see cref="SymmetricEigen"/>), giving V = A^T Q W / sigma. Every step is scalar double
/// arithmetic with each output element summed by one thread in a fixed order, so a fit is
/// bit-identical on any x64 machine however the columns are scheduled.
/// </summary>
internal static class TruncatedSvd
{
    // A column whose norm falls below this share of its norm before orthogonalisation lies in
    // the span of the previous ones (rank-deficient input, e.g. fewer documents than columns).
    private const double DependentColumnTolerance = 1e-9;

    // Singular values below this share of the largest are treated as zero (their direction is noise).
    private const double SingularValueTolerance = 1e-9;

    private const int RowChunk = 1024;

    /// <summary>
    /// The basis (row-major, <c>a.ColumnCount x rank</c>: row j = how feature bucket j projects on
    /// each direction) and the singular values, largest first; directions beyond the rank of
    /// <paramref name="a"/> are zero.
    /// </summary>
    public static (double[] Basis, double[] SingularValues) Fit(SparseRowMatrix a, int rank, int oversampling, int powerIterations, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(oversampling);
        ArgumentOutOfRangeException.ThrowIfNegative(powerIterations);
        var width = rank + oversampling;
        var n = a.RowCount;
        var d = a.ColumnCount;

        // Y = A Omega, then q power iterations; columns rescaled to unit norm between products
        // (keeps magnitudes in range, does not change the span).
        var y = NewColumns(width, n);
        var z = NewColumns(width, d);
        Parallel.For(0, width, c =>
        {
            var omega = new double[d];
            for (var j = 0; j < d; j++)
            {
                omega[j] = Uniform(seed, (ulong)c, (ulong)j);
            }

            a.Multiply(omega, y[c]);
        });
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            Parallel.For(0, width, c =>
            {
                Normalize(y[c]);
                a.MultiplyTransposed(y[c], z[c]);
                Normalize(z[c]);
                a.Multiply(z[c], y[c]);
            });
        }

        var q = Orthonormalize(y);

        // Z = A^T Q (= B^T), T = A Z, G = Q^T T = B B^T (symmetric, width x width).
        var t = NewColumns(width, n);
        Parallel.For(0, width, c =>
        {
            a.MultiplyTransposed(q[c], z[c]);
            a.Multiply(z[c], t[c]);
        });
        var g = new double[width * width];
        Parallel.For(0, width, p =>
        {
            for (var r = p; r < width; r++)
            {
                var value = Dot(q[p], t[r]);
                g[(p * width) + r] = value;
                g[(r * width) + p] = value;
            }
        });

        var (eigenvalues, eigenvectors) = SymmetricEigen.Decompose(g, width);
        var singular = new double[rank];
        var inverse = new double[rank];
        var largest = Math.Sqrt(Math.Max(eigenvalues[0], 0.0));
        for (var i = 0; i < rank; i++)
        {
            var sigma = Math.Sqrt(Math.Max(eigenvalues[i], 0.0));
            if (sigma > largest * SingularValueTolerance)
            {
                singular[i] = sigma;
                inverse[i] = 1.0 / sigma;
            }
        }

        // V[j, i] = sum_c Z[c][j] W[i][c] / sigma_i, row by row.
        var basis = new double[d * rank];
        Parallel.For(0, d, j =>
        {
            var row = new double[width];
            var any = false;
            for (var c = 0; c < width; c++)
            {
                row[c] = z[c][j];
                any |= row[c] != 0;
            }

            if (!any)
            {
                return;
            }

            for (var i = 0; i < rank; i++)
            {
                if (inverse[i] == 0)
                {
                    continue;
                }

                var sum = 0.0;
                var w = eigenvectors.AsSpan(i * width, width);
                for (var c = 0; c < width; c++)
                {
                    sum += row[c] * w[c];
                }

                basis[(j * rank) + i] = sum * inverse[i];
            }
        });

        return (basis, singular);
    }

    // Classical Gram-Schmidt applied twice per column (CGS2: orthogonal to working precision);
    // a column that is (numerically) dependent on the previous ones becomes zero.
    private static double[][] Orthonormalize(double[][] columns)
    {
        var width = columns.Length;
        var q = new double[width][];
        var coefficients = new double[width];
        for (var c = 0; c < width; c++)
        {
            var v = (double[])columns[c].Clone();
            var original = Math.Sqrt(Dot(v, v));
            for (var pass = 0; pass < 2 && original > 0; pass++)
            {
                var previous = c;
                Parallel.For(0, previous, k => coefficients[k] = Dot(q[k], v));
                // Each element subtracts the projections in column order, whichever thread owns its chunk.
                var chunks = (v.Length + RowChunk - 1) / RowChunk;
                Parallel.For(0, chunks, chunk =>
                {
                    var end = Math.Min(v.Length, (chunk + 1) * RowChunk);
                    for (var k = 0; k < previous; k++)
                    {
                        var r = coefficients[k];
                        if (r == 0)
                        {
                            continue;
                        }

                        var qk = q[k];
                        for (var i = chunk * RowChunk; i < end; i++)
                        {
                            v[i] -= r * qk[i];
                        }
                    }
                });
            }

            var norm = Math.Sqrt(Dot(v, v));
            if (original > 0 && norm > original * DependentColumnTolerance)
            {
                var inverse = 1.0 / norm;
                for (var i = 0; i < v.Length; i++)
                {
                    v[i] *= inverse;
                }
            }
            else
            {
                Array.Clear(v);
            }

            q[c] = v;
        }

        return q;
    }

    private static double[][] NewColumns(int count, int length)
    {
        var columns = new double[count][];
        for (var c = 0; c < count; c++)
        {
            columns[c] = new double[length];
        }

        return columns;
    }

    private static double Dot(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static void Normalize(double[] v)
    {
        var norm = Math.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            var inverse = 1.0 / norm;
            for (var i = 0; i < v.Length; i++)
            {
                v[i] *= inverse;
            }
        }
    }

    // Uniform in [-1, 1) from a splitmix64 hash of (seed, column, row): Omega is a pure function
    // of its coordinates, independent of scheduling and of any library's random generator.
    private static double Uniform(ulong seed, ulong column, ulong row)
    {
        var z = seed ^ (column * 0x9E3779B97F4A7C15UL) ^ (row * 0xC2B2AE3D27D4EB4FUL);
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) * (2.0 / (1UL << 53))) - 1.0;
    }
}

