using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>
/// An invocation paired with its completion. Times are event ordinals (1-based position of the
/// event among the history's client events). Incomplete at end of file = indeterminate.
/// <see cref="Key"/>: the invocation's <c>:key</c> (Porcupine's key-value form), null when absent.
/// </summary>
public sealed record JepsenOperation(
    int Id,
    int Process,
    string F,
    EdnValue InvokeValue,
    EdnValue? CompletionValue,
    OperationStatus Status,
    long InvokedAt,
    long CompletedAt,
    int InvokeLine,
    EdnValue? Key = null);
