namespace Socrates.Core.Migration.Copying;

/// <summary>
/// How many rows the next batch of a table may read. Fixed: always the ceiling. Auto-tuned: it
/// starts at <see cref="TableCopyOptions.AutoTuneStartRows"/> (a table of giant rows never gets a first batch of
/// hundreds), doubles after every batch that filled its count within the byte budget, and falls
/// to the rows that fitted when a batch stopped because the next row would have passed the budget.
/// The byte budget itself is enforced row by row while reading (see <see cref="BatchedTableCopier"/>),
/// so growth never takes a batch past it.
/// </summary>
internal sealed class BatchSizer
{
    private readonly int _ceiling;
    private readonly bool _auto;

    public BatchSizer(int ceiling, bool auto)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 1);
        _ceiling = ceiling;
        _auto = auto;
        Next = auto ? Math.Min(TableCopyOptions.AutoTuneStartRows, ceiling) : ceiling;
    }

    /// <summary>Rows the next batch may read.</summary>
    public int Next { get; private set; }

    /// <summary>A batch asked for <paramref name="requested"/> rows and got <paramref name="rows"/>, stopped by the byte budget or not.</summary>
    public void Observe(int requested, int rows, bool stoppedByBytes)
    {
        if (!_auto)
        {
            return;
        }

        if (stoppedByBytes)
        {
            Next = Math.Max(1, rows);
        }
        else if (rows == requested)
        {
            Next = (int)Math.Min(_ceiling, 2L * Next);
        }
    }
}
