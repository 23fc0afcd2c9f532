using Socrates.Testing.Linearizability.Edn;

namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>One line of a Jepsen history, e.g. <c>{:process 0, :type :invoke, :f :read, :value nil}</c>.</summary>
public sealed record JepsenEvent(int Line, int Process, JepsenEventType Type, string F, EdnValue Value);
