using System.Globalization;
using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>A read/write register holding one <typeparamref name="T"/>, initially <c>initial</c>.</summary>
public class RegisterModel<T> : IModel<RegisterState<T>, RegisterInput<T>, RegisterOutput<T>>, IReachableValueModel<RegisterState<T>, RegisterInput<T>, RegisterOutput<T>>
{
    private readonly IEqualityComparer<T?> _values;

    public RegisterModel(T? initial = default, IEqualityComparer<T?>? valueComparer = null)
    {
        InitialState = new RegisterState<T>(initial);
        _values = valueComparer ?? EqualityComparer<T?>.Default;
        ValueComparer = new BoxedValueComparer<T>(_values);
    }

    public RegisterState<T> InitialState { get; }

    public object? InitialValue => InitialState.Value;

    public IEqualityComparer<object?> ValueComparer { get; }

    /// <summary>Whether two register values are equal.</summary>
    protected bool SameValue(T? a, T? b) => _values.Equals(a, b);

    public virtual StepResult<RegisterState<T>> Apply(RegisterState<T> state, RegisterInput<T> input, RegisterOutput<T> output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            RegisterOperationKind.Read => SameValue(state.Value, output.Value)
                ? StepResult<RegisterState<T>>.Legal(state)
                : StepResult<RegisterState<T>>.Illegal,
            RegisterOperationKind.Write => StepResult<RegisterState<T>>.Legal(new RegisterState<T>(input.Value)),
            _ => throw new ArgumentException($"A plain register has no '{input.Kind}' operation; use {nameof(CasRegisterModel<T>)}.", nameof(input)),
        };
    }

    public virtual RegisterState<T> ApplyIndeterminate(RegisterState<T> state, RegisterInput<T> input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            RegisterOperationKind.Read => state,
            RegisterOperationKind.Write => new RegisterState<T>(input.Value),
            RegisterOperationKind.Cas => SameValue(state.Value, input.Expected) ? new RegisterState<T>(input.Value) : state,
            _ => throw new ArgumentException($"Unknown register operation '{input.Kind}'.", nameof(input)),
        };
    }

    public ValueEffect EffectOf(RegisterInput<T> input, out object? value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = input.Value;
        return input.Kind == RegisterOperationKind.Read ? ValueEffect.None : ValueEffect.Installs;
    }

    public bool TryGetObserved(RegisterInput<T> input, RegisterOutput<T> output, out object? value)
    {
        ArgumentNullException.ThrowIfNull(input);
        (var observed, value) = input.Kind switch
        {
            RegisterOperationKind.Read => (true, output.Value),
            RegisterOperationKind.Cas when output.Succeeded => (true, input.Expected), // a swap saw the expected value
            _ => (false, default(T)),
        };
        return observed;
    }

    public object? ValueOf(RegisterState<T> state, RegisterInput<T> read)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Value;
    }

    /// <summary>A register's value only changes by being written: nothing grows.</summary>
    public bool MayGrow(object? from, object? into) => false;

    /// <summary>Never asked: no register operation derives its value.</summary>
    public object? Grow(object? from, RegisterInput<T> derived) => from;

    public bool Replaces(RegisterInput<T> input, RegisterOutput<T> output) => input?.Kind switch
    {
        RegisterOperationKind.Write => true,
        RegisterOperationKind.Cas => output.Succeeded,
        _ => false,
    };

    public bool IsReadOnly(RegisterInput<T> input) => input?.Kind == RegisterOperationKind.Read;

    public string Describe(Operation<RegisterInput<T>, RegisterOutput<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var input = operation.Input;
        var known = operation.Status == OperationStatus.Ok;
        return input.Kind switch
        {
            RegisterOperationKind.Read => known ? $"read -> {Show(operation.Output.Value)}" : "read -> ?",
            RegisterOperationKind.Write => known ? $"write {Show(input.Value)}" : $"write {Show(input.Value)} ?",
            RegisterOperationKind.Cas => $"cas {Show(input.Expected)}->{Show(input.Value)}"
                + (known ? (operation.Output.Succeeded ? " ok" : " failed") : " ?"),
            _ => input.Kind.ToString(),
        };
    }

    public string DescribeState(RegisterState<T> state) => state?.ToString() ?? "nil";

    internal static string Show(T? value) => value switch
    {
        null => "nil",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "nil",
    };
}
