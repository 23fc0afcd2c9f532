namespace Socrates.Testing.Linearizability.Histories;

/// <summary>How an operation of a history ended.</summary>
public enum OperationStatus
{
    /// <summary>Completed with an output: it took effect exactly once, between invocation and completion.</summary>
    Ok,

    /// <summary>Definitely did not take effect (e.g. a typed conflict rejection). The checker removes it.</summary>
    Failed,

    /// <summary>
    /// Timed out or crashed: it may or may not have taken effect, at any time after its invocation.
    /// Its completion is +infinity and its output is unknown.
    /// </summary>
    Indeterminate,
}
