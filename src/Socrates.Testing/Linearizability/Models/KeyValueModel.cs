using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A key-value store of strings: get answers the value (a key never written holds
/// <see cref="InitialValue"/>), put replaces, append concatenates (onto the initial value, or the
/// empty string when that is null). The output of put and append is ignored. Partitioned by key:
/// keys are checked independently.
/// </summary>
/// <param name="initialValue">
/// What a key never written reads as: null (absent) in Jepsen/Knossos histories, the empty string
/// in Porcupine's.
/// </param>
public sealed class KeyValueModel(string? initialValue = null) : IModel<MapState<string>, KeyValueInput, string?>, IReachableValueModel<MapState<string>, KeyValueInput, string?>, IBlindWriteModel<KeyValueInput>
{
    public MapState<string> InitialState => MapState<string>.Empty;

    /// <summary>What a key never written reads as.</summary>
    public string? InitialValue { get; } = initialValue;

    object? IWrittenValueModel<KeyValueInput, string?>.InitialValue => InitialValue;

    public IEqualityComparer<object?> ValueComparer { get; } = new BoxedValueComparer<string>(StringComparer.Ordinal);

    public StepResult<MapState<string>> Apply(MapState<string> state, KeyValueInput input, string? output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kind != KeyValueOperationKind.Get)
        {
            return StepResult<MapState<string>>.Legal(Effect(state, input));
        }

        var current = state.TryGet(input.Key, out var value) ? value : InitialValue;
        return string.Equals(current, output, StringComparison.Ordinal)
            ? StepResult<MapState<string>>.Legal(state)
            : StepResult<MapState<string>>.Illegal;
    }

    public MapState<string> ApplyIndeterminate(MapState<string> state, KeyValueInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind == KeyValueOperationKind.Get ? state : Effect(state, input);
    }

    public string? PartitionKey(KeyValueInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Key;
    }

    public ValueEffect EffectOf(KeyValueInput input, out object? value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = input.Value;
        return input.Kind switch
        {
            KeyValueOperationKind.Get => ValueEffect.None,
            KeyValueOperationKind.Put => ValueEffect.Installs,
            _ => ValueEffect.Derives,
        };
    }

    public bool TryGetObserved(KeyValueInput input, string? output, out object? value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = output;
        return input.Kind == KeyValueOperationKind.Get;
    }

    public object? ValueOf(MapState<string> state, KeyValueInput read)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(read);
        return state.TryGet(read.Key, out var value) ? value : InitialValue;
    }

    /// <summary>Appends only extend: a value grows into another it is a prefix of; an absent one (null) into any string.</summary>
    public bool MayGrow(object? from, object? into) => into is string grown && (from is not string start || grown.StartsWith(start, StringComparison.Ordinal));

    public object? Grow(object? from, KeyValueInput derived) => (from as string) + derived?.Value;

    public bool Replaces(KeyValueInput input, string? output) => input?.Kind == KeyValueOperationKind.Put;

    public bool IsBlindWrite(KeyValueInput input) => input?.Kind == KeyValueOperationKind.Put;

    public bool IsReadOnly(KeyValueInput input) => input?.Kind == KeyValueOperationKind.Get;

    public string Describe(Operation<KeyValueInput, string?> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var input = operation.Input;
        var unknown = operation.Status == OperationStatus.Ok ? string.Empty : " ?";
        return input.Kind switch
        {
            KeyValueOperationKind.Get => operation.Status == OperationStatus.Ok
                ? $"get {input.Key} -> {Show(operation.Output)}"
                : $"get {input.Key} -> ?",
            KeyValueOperationKind.Put => $"put {input.Key} {Show(input.Value)}{unknown}",
            _ => $"append {input.Key} {Show(input.Value)}{unknown}",
        };
    }

    public long EstimateSize(MapState<string> state) => state is null ? 0 : state.EstimateSize(static v => 2L * v.Length);

    public string DescribeState(MapState<string> state) => state?.ToString() ?? "{}";

    private MapState<string> Effect(MapState<string> state, KeyValueInput input)
    {
        var value = input.Value ?? string.Empty;
        if (input.Kind == KeyValueOperationKind.Append)
        {
            value = (state.TryGet(input.Key, out var existing) ? existing : InitialValue) + value;
        }

        return state.Set(input.Key, value);
    }

    private static string Show(string? value) => value is null ? "nil" : $"\"{value}\"";
}
