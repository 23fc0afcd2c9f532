namespace Socrates.Testing.Linearizability.Jepsen;

/// <summary>Detection of a history's form and the initial values each form implies.</summary>
public static class HistoryFormats
{
    /// <summary>
    /// <paramref name="requested"/> unless it is <see cref="HistoryFormat.Auto"/>; then
    /// <see cref="HistoryFormat.Porcupine"/> when any operation carries a <c>:key</c>, else <see cref="HistoryFormat.Jepsen"/>.
    /// </summary>
    public static HistoryFormat Resolve(HistoryFormat requested, IReadOnlyList<JepsenOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (requested != HistoryFormat.Auto)
        {
            return requested;
        }

        return operations.Any(o => o.Key is not null) ? HistoryFormat.Porcupine : HistoryFormat.Jepsen;
    }

    /// <summary>What a key never written reads as in a key-value history of <paramref name="format"/>.</summary>
    public static string? KeyValueInitialValue(HistoryFormat format) => format == HistoryFormat.Porcupine ? string.Empty : null;
}
