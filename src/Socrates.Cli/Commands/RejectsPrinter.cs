using System.Text;
using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Rejects;

namespace Socrates.Cli.Commands;

/// <summary>
/// Shows the first rejects of a migration (row, field, why) on the console, and where all of
/// them are: a count alone tells nobody which rows stayed behind or why.
/// </summary>
internal static class RejectsPrinter
{
    public const int Shown = 10;

    private const int MaxIdShown = 60;

    public static async Task PrintAsync(TextWriter writer, string v2Path, long rejected, CancellationToken cancellationToken)
    {
        if (rejected <= 0 || !File.Exists(v2Path))
        {
            return;
        }

        IReadOnlyList<StoredReject> first;
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = v2Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            first = await RejectLog.ReadAsync(connection, null, Shown, cancellationToken);
        }

        await writer.WriteLineAsync($"{rejected} row(s) rejected{(rejected > first.Count ? $", the first {first.Count}" : "")}:");
        foreach (var reject in first)
        {
            await writer.WriteLineAsync($"  {reject.SourceTable} {Printable(reject.EntityId)} [{reject.Field ?? "row"}]: {reject.Reason}");
        }

        await writer.WriteLineAsync($"All rejects, with an excerpt of each raw row, are in the table migration_rejects of '{Path.GetFullPath(v2Path)}':");
        await writer.WriteLineAsync(RejectsQueryHint);
    }

    // A constant of its own: the hint quotes SQL, and no SQL text is ever built from values.
    private const string RejectsQueryHint = "  sqlite3 <file> \"SELECT source_table, entity_id, field, reason, raw_excerpt FROM migration_rejects\"";

    /// <summary>An id as it can be read on a terminal: control characters escaped, long ids cut.</summary>
    internal static string Printable(string id)
    {
        var text = new StringBuilder("'");
        foreach (var c in id.Length > MaxIdShown ? id[..MaxIdShown] : id)
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        text.Append('\'');
        return id.Length > MaxIdShown ? $"{text}... ({id.Length} chars)" : text.ToString();
    }
}
