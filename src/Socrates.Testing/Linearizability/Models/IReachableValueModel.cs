namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A <see cref="IWrittenValueModel{TInput, TOutput}"/> that also says what value a state holds
/// for a read and how derived values grow (an append extends the value it finds). With it the
/// search drops, at once, a configuration in which a read that may come next can no longer see
/// what it saw: neither the current value, grown by derived-value operations, nor any value a
/// not yet placed operation installs (grown the same way) can become it.
/// </summary>
public interface IReachableValueModel<TState, TInput, TOutput> : IWrittenValueModel<TInput, TOutput>
{
    /// <summary>The value the read <paramref name="read"/> would see in <paramref name="state"/>.</summary>
    object? ValueOf(TState state, TInput read);

    /// <summary>
    /// False only when no sequence of derived-value operations (<see cref="ValueEffect.Derives"/>)
    /// can turn <paramref name="from"/> into <paramref name="into"/> (e.g. for appends: when
    /// <paramref name="into"/> does not start with <paramref name="from"/>).
    /// </summary>
    bool MayGrow(object? from, object? into);

    /// <summary>
    /// The value a derived-value operation (<see cref="ValueEffect.Derives"/>) leaves when it
    /// finds <paramref name="from"/> (an append: <paramref name="from"/> followed by its text).
    /// </summary>
    object? Grow(object? from, TInput derived);

    /// <summary>
    /// True when a completed <paramref name="input"/> answering <paramref name="output"/>
    /// certainly replaced the value by the one <see cref="IWrittenValueModel{TInput, TOutput}.EffectOf"/>
    /// names (a write, a put, a compare-and-set that swapped; not one that did not).
    /// </summary>
    bool Replaces(TInput input, TOutput output);
}
