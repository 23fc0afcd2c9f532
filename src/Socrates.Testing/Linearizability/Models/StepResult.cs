namespace Socrates.Testing.Linearizability.Models;

/// <summary>The outcome of applying an operation to a model state.</summary>
public readonly record struct StepResult<TState>(bool IsLegal, TState? NextState)
{
    /// <summary>The operation is legal and leads to <paramref name="next"/>.</summary>
    public static StepResult<TState> Legal(TState next) => new(true, next);

    /// <summary>A single copy would not have answered this.</summary>
    public static StepResult<TState> Illegal { get; } = new(false, default);
}
