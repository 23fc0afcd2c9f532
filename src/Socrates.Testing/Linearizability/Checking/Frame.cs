namespace Socrates.Testing.Linearizability.Checking;

/// <summary>
/// One placed operation on the search's stack: its call entry, the state number before it, and
/// whether it was forced (a legal read, placed without a choice, so never an alternative to try).
/// </summary>
internal readonly record struct Frame(Entry Call, int StateBefore, bool Forced);
