using Socrates.Testing.Linearizability.Edn;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>
/// One line of a Jepsen history, e.g. <c>{:process 0, :type :invoke, :f :read, :value nil}</c>;
/// <paramref name="Key"/> is the <c>:key</c> field of Porcupine's key-value form
/// (<c>{:process 0, :type :invoke, :f :append, :key "2", :value "x 0 0 y"}</c>), null when absent.
/// </summary>
public sealed record JepsenEvent(int Line, int Process, JepsenEventType Type, string F, EdnValue Value, EdnValue? Key = null);
