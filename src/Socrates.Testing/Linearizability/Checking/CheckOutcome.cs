namespace Socrates.Testing.Linearizability.Checking;

/// <summary>The verdict on a history.</summary>
public enum CheckOutcome
{
    /// <summary>Some order of the operations, consistent with real time, is legal in the model.</summary>
    Linearizable,

    /// <summary>No such order exists: the search was exhaustive.</summary>
    NotLinearizable,

    /// <summary>A budget (time or memory) ran out before the search finished: no verdict, never a guess.</summary>
    Unknown,
}
