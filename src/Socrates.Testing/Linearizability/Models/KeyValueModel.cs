using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A key-value store of strings: get answers the value or null (absent), put replaces, append
/// concatenates (onto the empty string when absent). The output of put and append is ignored.
/// Partitioned by key: keys are checked independently.
/// </summary>
public sealed class KeyValueModel : IModel<MapState<string>, KeyValueInput, string?>
{
    public MapState<string> InitialState => MapState<string>.Empty;

    public StepResult<MapState<string>> Apply(MapState<string> state, KeyValueInput input, string? output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Kind != KeyValueOperationKind.Get)
        {
            return StepResult<MapState<string>>.Legal(Effect(state, input));
        }

        var current = state.TryGet(input.Key, out var value) ? value : null;
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

    public string DescribeState(MapState<string> state) => state?.ToString() ?? "{}";

    private static MapState<string> Effect(MapState<string> state, KeyValueInput input)
    {
        var value = input.Value ?? string.Empty;
        if (input.Kind == KeyValueOperationKind.Append && state.TryGet(input.Key, out var existing))
        {
            value = existing + value;
        }

        return state.Set(input.Key, value);
    }

    private static string Show(string? value) => value is null ? "nil" : $"\"{value}\"";
}
