namespace Socrates.Core.Search;

/// <summary>
/// Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method: rotations
/// zero one off-diagonal element at a time, sweeping row by row, until a sweep finds nothing above
/// the threshold. Sequential scalar double arithmetic in a fixed order: the same input gives the
/// same bits on any x64 machine. O(n^3) per sweep; meant for n of a few hundred.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues in descending order (ties by original index) and the matching unit eigenvectors,
    /// row <c>i</c> of the returned matrix (row-major, n x n) being the eigenvector of value <c>i</c>.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int n)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfNotEqual(matrix.Length, n * n);
        var a = (double[])matrix.Clone();
        // Row p of vt is the current estimate of eigenvector p: rotations then touch two contiguous rows.
        var vt = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            vt[(i * n) + i] = 1.0;
        }

        var scale = 0.0;
        foreach (var value in a)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        var threshold = scale * 1e-15;
        var sweeps = 0;
        for (var rotated = true; rotated && scale > 0; sweeps++)
        {
            if (sweeps == MaxSweeps)
            {
                throw new InvalidOperationException($"Jacobi eigen-decomposition of a {n}x{n} matrix did not converge in {MaxSweeps} sweeps.");
            }

            rotated = false;
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[(p * n) + q];
                    if (Math.Abs(apq) > threshold)
                    {
                        Rotate(a, vt, n, p, q);
                        rotated = true;
                    }
                }
            }
        }

        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[(i * n) + i];
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var sortedValues = new double[n];
        var sortedVectors = new double[n * n];
        for (var rank = 0; rank < n; rank++)
        {
            sortedValues[rank] = values[order[rank]];
            Array.Copy(vt, order[rank] * n, sortedVectors, rank * n, n);
        }

        return (sortedValues, sortedVectors);
    }

    // Zeroes a[p,q] (and a[q,p]) with the rotation of Rutishauser's stable formulation.
    private static void Rotate(double[] a, double[] vt, int n, int p, int q)
    {
        var apq = a[(p * n) + q];
        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2.0 * apq);
        var t = Math.Abs(theta) > 1e150
            ? 0.5 / theta
            : (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
        var c = 1.0 / Math.Sqrt((t * t) + 1.0);
        var s = t * c;

        var rowP = p * n;
        var rowQ = q * n;
        for (var k = 0; k < n; k++)
        {
            if (k == p || k == q)
            {
                continue;
            }

            var akp = a[rowP + k];
            var akq = a[rowQ + k];
            var newP = (c * akp) - (s * akq);
            var newQ = (s * akp) + (c * akq);
            a[rowP + k] = newP;
            a[(k * n) + p] = newP;
            a[rowQ + k] = newQ;
            a[(k * n) + q] = newQ;
        }

        a[rowP + p] -= t * apq;
        a[rowQ + q] += t * apq;
        a[rowP + q] = 0.0;
        a[rowQ + p] = 0.0;

        for (var k = 0; k < n; k++)
        {
            var vp = vt[rowP + k];
            var vq = vt[rowQ + k];
            vt[rowP + k] = (c * vp) - (s * vq);
            vt[rowQ + k] = (s * vp) + (c * vq);
        }
    }
}
