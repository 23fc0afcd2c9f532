using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>
/// Reads a Jepsen/Knossos history: EDN maps, one per line (or a single vector of them), with
/// <c>:process</c>, <c>:type</c> (:invoke/:ok/:fail/:info), <c>:f</c> and <c>:value</c>; other
/// keys (<c>:time</c>, <c>:index</c>, ...) are ignored, as are events of non-integer processes
/// (<c>:nemesis</c>). Maps may be tagged (<c>#jepsen.history.Op{...}</c>). A <c>:key</c> field
/// (Porcupine's key-value form) is kept on the event.
/// </summary>
public static class JepsenHistoryReader
{
    /// <summary>Reads the events of a history file's text.</summary>
    /// <exception cref="HistoryFormatException">Bad EDN or a malformed event, with its line.</exception>
    public static IReadOnlyList<JepsenEvent> ReadEvents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new EdnReader(text);
        var forms = new List<EdnForm>();
        if (reader.TryOpenSequence())
        {
            while (reader.ReadElement() is { } element)
            {
                forms.Add(element);
            }

            if (reader.Read() is { } trailing)
            {
                throw new JepsenHistoryException("jepsen.trailing", "expected nothing after the history's closing bracket", trailing.Line);
            }
        }
        else
        {
            while (reader.Read() is { } form)
            {
                forms.Add(form);
            }
        }

        var events = new List<JepsenEvent>(forms.Count);
        foreach (var form in forms)
        {
            if (ToEvent(form) is { } e)
            {
                events.Add(e);
            }
        }

        return events;
    }

    /// <summary>Reads a history and pairs each invocation with its completion.</summary>
    /// <exception cref="HistoryFormatException">Bad EDN or an inconsistent history, with the line.</exception>
    public static IReadOnlyList<JepsenOperation> Read(string text) => Pair(ReadEvents(text));

    /// <summary>Pairs invocations with completions per process; open at the end = indeterminate.</summary>
    public static IReadOnlyList<JepsenOperation> Pair(IReadOnlyList<JepsenEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var open = new Dictionary<int, (JepsenEvent Invoke, long Time, int Id)>();
        var operations = new List<JepsenOperation>();
        var nextId = 0;
        long time = 0;
        foreach (var e in events)
        {
            time++;
            if (e.Type == JepsenEventType.Invoke)
            {
                if (open.TryGetValue(e.Process, out var previous))
                {
                    throw new JepsenHistoryException(
                        "jepsen.overlapping-invocation",
                        $"process {e.Process} invokes :{e.F} while its :{previous.Invoke.F} from line {previous.Invoke.Line} has not completed; a process is sequential (a crashed one continues under a new process id)",
                        e.Line);
                }

                open[e.Process] = (e, time, nextId++);
                continue;
            }

            if (!open.Remove(e.Process, out var invoke))
            {
                throw new JepsenHistoryException(
                    "jepsen.unmatched-completion",
                    $"process {e.Process} completes :{e.F} ({Name(e.Type)}) but has no open invocation",
                    e.Line);
            }

            if (!string.Equals(invoke.Invoke.F, e.F, StringComparison.Ordinal))
            {
                throw new JepsenHistoryException(
                    "jepsen.mismatched-f",
                    $"process {e.Process} completes :{e.F} but invoked :{invoke.Invoke.F} at line {invoke.Invoke.Line}",
                    e.Line);
            }

            var status = e.Type switch
            {
                JepsenEventType.Ok => OperationStatus.Ok,
                JepsenEventType.Fail => OperationStatus.Failed,
                _ => OperationStatus.Indeterminate,
            };
            operations.Add(new JepsenOperation(
                invoke.Id,
                e.Process,
                e.F,
                invoke.Invoke.Value,
                status == OperationStatus.Indeterminate ? null : e.Value,
                status,
                invoke.Time,
                status == OperationStatus.Indeterminate ? Operation<object, object>.Never : time,
                invoke.Invoke.Line,
                invoke.Invoke.Key));
        }

        foreach (var (process, invoke) in open)
        {
            operations.Add(new JepsenOperation(
                invoke.Id, process, invoke.Invoke.F, invoke.Invoke.Value, null, OperationStatus.Indeterminate, invoke.Time, Operation<object, object>.Never, invoke.Invoke.Line, invoke.Invoke.Key));
        }

        return [.. operations.OrderBy(o => o.InvokedAt)];
    }

    private static JepsenEvent? ToEvent(EdnForm form)
    {
        var value = form.Value is EdnTagged tagged ? tagged.Value : form.Value;
        if (value is not EdnMap map)
        {
            throw new JepsenHistoryException("jepsen.not-a-map", $"expected an event map such as {{:process 0, :type :invoke, :f :read, :value nil}}, found {Shorten(value)}", form.Line);
        }

        var process = map.Get("process");
        switch (process)
        {
            case null:
                throw new JepsenHistoryException("jepsen.missing-key", "the event has no :process", form.Line);
            case EdnInteger p when p.Value is >= 0 and <= int.MaxValue:
                break;
            case EdnInteger p:
                throw new JepsenHistoryException("jepsen.bad-process", $":process {p.Value} is out of range", form.Line);
            default:
                return null; // :nemesis and other non-client processes do not take part.
        }

        var type = map.Get("type") switch
        {
            EdnKeyword { Name: "invoke" } => JepsenEventType.Invoke,
            EdnKeyword { Name: "ok" } => JepsenEventType.Ok,
            EdnKeyword { Name: "fail" } => JepsenEventType.Fail,
            EdnKeyword { Name: "info" } => JepsenEventType.Info,
            null => throw new JepsenHistoryException("jepsen.missing-key", "the event has no :type", form.Line),
            var other => throw new JepsenHistoryException("jepsen.bad-type", $":type must be :invoke, :ok, :fail or :info, found {Shorten(other)}", form.Line),
        };

        var f = map.Get("f") switch
        {
            EdnKeyword k => k.Name,
            EdnString s => s.Value,
            EdnSymbol s => s.Name,
            null => throw new JepsenHistoryException("jepsen.missing-key", "the event has no :f", form.Line),
            var other => throw new JepsenHistoryException("jepsen.bad-f", $":f must be a keyword, found {Shorten(other)}", form.Line),
        };

        return new JepsenEvent(form.Line, (int)((EdnInteger)process).Value, type, f, map.Get("value") ?? EdnNil.Instance, map.Get("key"));
    }

    private static string Name(JepsenEventType type) => ":" + type.ToString().ToLowerInvariant();

    internal static string Shorten(EdnValue value)
    {
        var text = value.ToString();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
