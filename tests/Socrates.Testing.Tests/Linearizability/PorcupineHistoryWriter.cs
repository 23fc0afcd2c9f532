using System.Globalization;
using System.Text;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>
/// Writes a key-value history in Porcupine's form, one event a line in time order
/// (<c>{:process 0, :type :invoke, :f :append, :key "2", :value "x 0 0 y"}</c>), so generated
/// histories go through the reader as files from elsewhere do. An absent value reads as "".
/// </summary>
internal static class PorcupineHistoryWriter
{
    public static string Write(History<KeyValueInput, string?> history)
    {
        var events = new List<(long Time, int Order, string Line)>();
        foreach (var op in history)
        {
            var f = op.Input.Kind.ToString().ToLowerInvariant();
            var key = Quote(op.Input.Key);
            var invoked = op.Input.Kind == KeyValueOperationKind.Get ? "nil" : Quote(op.Input.Value ?? string.Empty);
            events.Add((op.InvokedAt, 0, Event(op.Client, "invoke", f, key, invoked)));
            var (type, completed) = op.Status switch
            {
                OperationStatus.Ok => ("ok", op.Input.Kind == KeyValueOperationKind.Get ? Quote(op.Output ?? string.Empty) : invoked),
                OperationStatus.Failed => ("fail", invoked),
                _ => ("info", invoked),
            };
            // An :info completion means "unknown" whenever it is written; right after the invocation
            // keeps the client sequential for its next operation.
            var at = op.Status == OperationStatus.Indeterminate ? op.InvokedAt : op.CompletedAt;
            events.Add((at, 1, Event(op.Client, type, f, key, completed)));
        }

        var text = new StringBuilder();
        foreach (var (_, _, line) in events.OrderBy(e => e.Time).ThenBy(e => e.Order))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Event(int process, string type, string f, string key, string value) =>
        string.Create(CultureInfo.InvariantCulture, $"{{:process {process}, :type :{type}, :f :{f}, :key {key}, :value {value}}}");

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
