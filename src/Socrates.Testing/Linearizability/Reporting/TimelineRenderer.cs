using System.Globalization;
using System.Text;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Reporting;

/// <summary>
/// Renders a check result as plain text: a verdict per partition and, for a violation, a
/// timeline with one lane per client (operations as bars, so overlaps show), the partial
/// linearization the search reached, and the operation it could not place and why.
/// Output depends only on the result (no wall-clock figures), so it is stable across runs.
/// </summary>
public static class TimelineRenderer
{
    private const int Gap = 2;

    /// <summary>The whole report.</summary>
    public static string Render<TInput, TOutput>(CheckResult<TInput, TOutput> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append(Headline(result));
        text.AppendLine();
        foreach (var partition in result.Partitions.Where(p => p.Outcome != CheckOutcome.Linearizable))
        {
            var why = partition.Outcome == CheckOutcome.Unknown && partition.UnknownReason is { } reason ? ": " + reason : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"  partition {Name(partition.Key)}: {Verdict(partition.Outcome)} ({partition.OperationCount} operations){why}");
        }

        if (result.NothingChecked)
        {
            text.AppendLine("The history has no operation to judge (empty, or only failed operations and unanswered reads); this is no evidence either way.");
        }

        if (result.Outcome == CheckOutcome.Unknown)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"The search stopped before it finished: {result.UnknownReason ?? "a budget ran out"}. This is no verdict; give it more time (--timeout) or memory (--max-memory).");
        }

        if (result.Violation is { } violation)
        {
            text.AppendLine();
            text.Append(RenderViolation(result, violation));
        }

        return text.ToString();
    }

    /// <summary>
    /// The verdict line, e.g. <c>LINEARIZABLE: 5 operations in 1 partition(s)</c>, or
    /// <c>NOTHING CHECKED: 0 operations</c> for a history with nothing to judge.
    /// </summary>
    public static string Headline<TInput, TOutput>(CheckResult<TInput, TOutput> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.NothingChecked ? "NOTHING CHECKED" : Verdict(result.Outcome);
        var text = string.Create(CultureInfo.InvariantCulture, $"{verdict}: {result.OperationsChecked} operations in {result.Partitions.Count} partition(s)");
        if (result.FailedOperationsIgnored > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {result.FailedOperationsIgnored} failed operation(s) ignored");
        }

        return text;
    }

    /// <summary>The timeline, partial linearization and blocked operation of one violation.</summary>
    public static string RenderViolation<TInput, TOutput>(CheckResult<TInput, TOutput> result, Violation<TInput, TOutput> violation)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(violation);
        var text = new StringBuilder();
        var judged = violation.Operations.Count - violation.ContextOperationIds.Count;
        text.AppendLine(violation.Summary ?? string.Create(CultureInfo.InvariantCulture,
            $"Violation in partition {Name(violation.PartitionKey)}: the first {judged} of its {violation.PartitionOperationCount} operations (by invocation) are already not linearizable{(violation.IsMinimal ? string.Empty : " (not shrunk further: budget spent)")}."));
        if (violation.Cause is { } cause)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Cause: {cause}.");
        }

        if (violation.ContextOperationIds.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{violation.ContextOperationIds.Count} later operation(s) overlapping them are shown as (..): they may have taken effect, their answers are not judged here.");
        }

        text.AppendLine();
        AppendTimeline(text, result, violation);
        text.AppendLine();
        text.AppendLine("Operations:");
        foreach (var op in violation.Operations)
        {
            var end = op.Status == OperationStatus.Indeterminate ? "?" : op.CompletedAt.ToString(CultureInfo.InvariantCulture);
            var note = violation.ContextOperationIds.Contains(op.Id) ? "  (later, not judged)" : op.Status == OperationStatus.Indeterminate ? "  (indeterminate)" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"  #{op.Id,-5} client {op.Client,-4} t={op.InvokedAt}..{end,-6} {result.Describe(op)}{note}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Longest linearization found (initial state {violation.InitialState}):");
        if (violation.PartialLinearization.Count == 0)
        {
            text.AppendLine("  (none: not even the first operation could be placed)");
        }

        for (var i = 0; i < violation.PartialLinearization.Count; i++)
        {
            var step = violation.PartialLinearization[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1,3}. #{step.Operation.Id,-5} {result.Describe(step.Operation),-30} state -> {step.StateAfter}");
        }

        var blocked = violation.Blocked;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Could not place #{blocked.Id} (client {blocked.Client}, t={blocked.InvokedAt}..{blocked.CompletedAt}), whose completion had passed: {violation.Reason}.");
        return text.ToString();
    }

    private static void AppendTimeline<TInput, TOutput>(StringBuilder text, CheckResult<TInput, TOutput> result, Violation<TInput, TOutput> violation)
    {
        var ops = violation.Operations;
        var labels = ops.ToDictionary(o => o.Id, o => $"#{o.Id} {result.Describe(o)}");
        var times = ops.Select(o => o.InvokedAt)
            .Concat(ops.Where(o => o.Status != OperationStatus.Indeterminate).Select(o => o.CompletedAt))
            .Distinct()
            .Order()
            .ToArray();
        var rank = new Dictionary<long, int>(times.Length);
        for (var i = 0; i < times.Length; i++)
        {
            rank[times[i]] = i;
        }

        // Column of each distinct time: at least Gap after the previous, and wide enough for the labels of bars ending there.
        var column = new int[times.Length];
        var endingAt = ops.Where(o => o.Status != OperationStatus.Indeterminate).ToLookup(o => rank[o.CompletedAt]);
        for (var r = 0; r < times.Length; r++)
        {
            var x = r == 0 ? 0 : column[r - 1] + Gap;
            foreach (var op in endingAt[r])
            {
                x = Math.Max(x, column[rank[op.InvokedAt]] + labels[op.Id].Length + 1);
            }

            column[r] = x;
        }

        var width = column.Length == 0 ? 0 : column[^1] + 1;
        foreach (var op in ops.Where(o => o.Status == OperationStatus.Indeterminate))
        {
            width = Math.Max(width, column[rank[op.InvokedAt]] + labels[op.Id].Length + 3);
        }

        var lanes = new List<(int Client, char[] Line, int FreeFrom)>();
        foreach (var op in ops.OrderBy(o => o.Client).ThenBy(o => o.InvokedAt))
        {
            var start = column[rank[op.InvokedAt]];
            var end = op.Status == OperationStatus.Indeterminate ? width - 1 : column[rank[op.CompletedAt]];
            var lane = lanes.FindIndex(l => l.Client == op.Client && l.FreeFrom <= start);
            if (lane < 0)
            {
                lanes.Add((op.Client, Enumerable.Repeat(' ', width).ToArray(), 0));
                lane = lanes.Count - 1;
            }

            var line = lanes[lane].Line;
            var context = violation.ContextOperationIds.Contains(op.Id);
            var fill = context ? '.' : op.Status == OperationStatus.Indeterminate ? '~' : '=';
            line[start] = context ? '(' : '[';
            for (var x = start + 1; x < end; x++)
            {
                line[x] = fill;
            }

            line[end] = context ? ')' : op.Status == OperationStatus.Indeterminate ? '>' : ']';
            var label = labels[op.Id];
            var room = end - start - 1;
            for (var i = 0; i < Math.Min(room, label.Length); i++)
            {
                line[start + 1 + i] = label[i];
            }

            lanes[lane] = (lanes[lane].Client, line, end + 1);
        }

        text.AppendLine("Timeline (logical time runs right; [==] ok, [~~> indeterminate, (..) later op not judged):");
        foreach (var (client, line, _) in lanes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  client {client,-4} ").AppendLine(new string(line).TrimEnd());
        }
    }

    private static string Verdict(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Linearizable => "LINEARIZABLE",
        CheckOutcome.NotLinearizable => "NOT LINEARIZABLE",
        _ => "UNKNOWN",
    };

    private static string Name(string? key) => key is null ? "(whole history)" : $"\"{key}\"";
}
