using System.Globalization;
using Socrates.Core.Migration.Progress;

namespace Socrates.Cli.Commands;

/// <summary>
/// Prints a migration's progress, every phase in the order it is reported (synchronously, on the
/// reporting thread, so lines never cross): on a terminal one line rewritten in place per phase
/// (per table while copying), elsewhere (a log, a pipe) one plain line per report.
/// </summary>
internal sealed class ProgressPrinter(TextWriter writer, bool interactive) : IProgress<MigrationProgressSnapshot>
{
    private readonly Lock _gate = new();
    private string? _current;
    private int _width;

    public void Report(MigrationProgressSnapshot value)
    {
        var line = Describe(value);
        lock (_gate)
        {
            if (!interactive)
            {
                writer.WriteLine(line);
                return;
            }

            var key = value.Phase + "/" + value.Table;
            if (_current is not null && _current != key)
            {
                writer.WriteLine();
                _width = 0;
            }

            _current = key;
            writer.Write("\r" + line.PadRight(_width));
            _width = line.Length;
            if (value.RowsDone >= value.RowsTotal)
            {
                writer.WriteLine();
                _current = null;
                _width = 0;
            }

            writer.Flush();
        }
    }

    /// <summary>Ends a line left open on the terminal (a run that stopped mid-phase).</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (interactive && _current is not null)
            {
                writer.WriteLine();
                _current = null;
            }
        }
    }

    internal static string Describe(MigrationProgressSnapshot p)
    {
        var name = p.Table is null ? p.Phase : $"{p.Phase} {p.Table}";
        if (p.Unit == "steps")
        {
            return p.RowsDone >= p.RowsTotal
                ? string.Create(CultureInfo.InvariantCulture, $"  {name}: done in {p.Elapsed.TotalSeconds:F1} s")
                : $"  {name}: started";
        }

        var eta = p.Eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "?";
        return string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {p.RowsDone}/{p.RowsTotal} {p.Unit} ({p.Fraction:P0}), {p.RowsPerSecond:F0} {p.Unit}/s, ETA {eta}");
    }
}
