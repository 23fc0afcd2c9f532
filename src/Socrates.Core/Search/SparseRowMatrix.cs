namespace Socrates.Core.Search;

/// <summary>
/// A sparse matrix in compressed-row form (one row per document, columns = hashed feature
/// buckets), with the two products the truncated SVD needs. Each output element is summed by one
/// thread in a fixed order, so the results are bit-identical however the work is scheduled.
/// </summary>
internal sealed class SparseRowMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;

    public SparseRowMatrix(IReadOnlyList<SparseVector> rows, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(columnCount, 1);
        RowCount = rows.Count;
        ColumnCount = columnCount;
        _rowStart = new int[rows.Count + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            _rowStart[i + 1] = _rowStart[i] + rows[i].Indices.Length;
        }

        _columns = new int[_rowStart[^1]];
        _values = new double[_rowStart[^1]];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Indices.CopyTo(_columns, _rowStart[i]);
            rows[i].Values.CopyTo(_values, _rowStart[i]);
        }

        foreach (var column in _columns)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, columnCount);
        }
    }

    public int RowCount { get; }

    public int ColumnCount { get; }

    public int NonZeros => _values.Length;

    /// <summary><paramref name="result"/> = A x (length <see cref="RowCount"/>).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> result)
    {
        for (var i = 0; i < RowCount; i++)
        {
            var sum = 0.0;
            for (var n = _rowStart[i]; n < _rowStart[i + 1]; n++)
            {
                sum += _values[n] * x[_columns[n]];
            }

            result[i] = sum;
        }
    }

    /// <summary><paramref name="result"/> = A^T y (length <see cref="ColumnCount"/>), scattered row by row in row order.</summary>
    public void MultiplyTransposed(ReadOnlySpan<double> y, Span<double> result)
    {
        result.Clear();
        for (var i = 0; i < RowCount; i++)
        {
            var yi = y[i];
            if (yi == 0)
            {
                continue;
            }

            for (var n = _rowStart[i]; n < _rowStart[i + 1]; n++)
            {
                result[_columns[n]] += _values[n] * yi;
            }
        }
    }
}

/// <summary>A sparse vector: strictly increasing indices and their values.</summary>
internal readonly record struct SparseVector(int[] Indices, double[] Values)
{
    public static SparseVector Empty { get; } = new([], []);
}
