namespace Socrates.Testing.Linearizability.Models;

/// <summary>How an operation changes the one value of a partition (see <see cref="IWrittenValueModel{TInput, TOutput}"/>).</summary>
public enum ValueEffect
{
    /// <summary>It leaves the value alone (a read).</summary>
    None,

    /// <summary>It may install a value known in advance (a write, a compare-and-set's new value).</summary>
    Installs,

    /// <summary>The value it leaves depends on the one before (an append): no precheck is possible.</summary>
    Derives,
}
