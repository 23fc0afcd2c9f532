namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>The <c>:type</c> of a Jepsen history event.</summary>
public enum JepsenEventType
{
    /// <summary><c>:invoke</c>: a process starts an operation.</summary>
    Invoke,

    /// <summary><c>:ok</c>: it completed and took effect.</summary>
    Ok,

    /// <summary><c>:fail</c>: it definitely did not take effect.</summary>
    Fail,

    /// <summary><c>:info</c>: unknown (timeout, crash); it may take effect at any time.</summary>
    Info,
}
