namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A register with read, write and compare-and-set. A cas that answers
/// <see cref="RegisterOutput{T}.Swapped"/> is legal only when the register held its expected
/// value; one that answers <see cref="RegisterOutput{T}.NotSwapped"/> only when it did not.
/// </summary>
public sealed class CasRegisterModel<T> : RegisterModel<T>
{
    public CasRegisterModel(T? initial = default, IEqualityComparer<T?>? valueComparer = null)
        : base(initial, valueComparer)
    {
    }

    public override StepResult<RegisterState<T>> Apply(RegisterState<T> state, RegisterInput<T> input, RegisterOutput<T> output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kind != RegisterOperationKind.Cas)
        {
            return base.Apply(state, input, output);
        }

        var matches = SameValue(state.Value, input.Expected);
        if (matches != output.Succeeded)
        {
            return StepResult<RegisterState<T>>.Illegal;
        }

        return StepResult<RegisterState<T>>.Legal(matches ? new RegisterState<T>(input.Value) : state);
    }
}
