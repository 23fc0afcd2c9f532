namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A model in which, within one partition, every state is one value that some write installed
/// (a register, a key of a store without appends). It lets the checker reject, before any
/// search, a read of a value that neither the initial state nor any write invoked before the
/// read completed could have produced: that read has no place in any linearization.
/// </summary>
public interface IWrittenValueModel<TInput, TOutput>
{
    /// <summary>What <paramref name="input"/> does to the value when it takes effect.</summary>
    /// <param name="value">The value it installs, when <see cref="ValueEffect.Installs"/>.</param>
    ValueEffect EffectOf(TInput input, out object? value);

    /// <summary>The value a completed read saw; false when <paramref name="input"/> is no read.</summary>
    bool TryGetObserved(TInput input, TOutput output, out object? value);

    /// <summary>The value every partition starts with.</summary>
    object? InitialValue { get; }

    /// <summary>The value equality the model uses (null is a value).</summary>
    IEqualityComparer<object?> ValueComparer { get; }
}
