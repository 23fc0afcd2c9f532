using Socrates.Testing.Linearizability.Histories;

namespace Socrates.Testing.Linearizability.Models;

/// <summary>
/// A document store with optimistic concurrency, the contract a database with a version column
/// should meet:
/// <list type="bullet">
/// <item>save(id, expected, value): when the stored version (0 if absent) equals
/// <c>expected</c>, or <c>expected</c> is null, stores the value as version stored+1 and answers
/// Saved(stored+1); otherwise answers Conflict and changes nothing.</item>
/// <item>load(id): Loaded(version, value), or NotFound.</item>
/// <item>delete(id, expected): NotFound when absent; Conflict when <c>expected</c> is given and
/// differs; otherwise removes the document (its version is forgotten: re-creation starts at 1)
/// and answers Deleted.</item>
/// </list>
/// Partitioned by document id. A conflict recorded as <see cref="OperationStatus.Failed"/> is
/// simply ignored; recorded as an Ok <see cref="DocumentOutcome.Conflict"/> answer it is checked.
/// </summary>
public sealed class VersionedDocumentModel : IModel<MapState<DocumentVersion>, DocumentInput, DocumentOutput>
{
    public MapState<DocumentVersion> InitialState => MapState<DocumentVersion>.Empty;

    public StepResult<MapState<DocumentVersion>> Apply(MapState<DocumentVersion> state, DocumentInput input, DocumentOutput output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var (expectedOutput, next) = Evaluate(state, input);
        return expectedOutput == output
            ? StepResult<MapState<DocumentVersion>>.Legal(next)
            : StepResult<MapState<DocumentVersion>>.Illegal;
    }

    public MapState<DocumentVersion> ApplyIndeterminate(MapState<DocumentVersion> state, DocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return Evaluate(state, input).Next;
    }

    public string? PartitionKey(DocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.DocumentId;
    }

    public bool IsReadOnly(DocumentInput input) => input?.Kind == DocumentOperationKind.Load;

    public string Describe(Operation<DocumentInput, DocumentOutput> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var input = operation.Input;
        var expected = input.ExpectedVersion is { } v ? $" if v{v}" : string.Empty;
        var call = input.Kind switch
        {
            DocumentOperationKind.Save => $"save {input.DocumentId} \"{input.Value}\"{expected}",
            DocumentOperationKind.Load => $"load {input.DocumentId}",
            _ => $"delete {input.DocumentId}{expected}",
        };
        return operation.Status == OperationStatus.Ok ? $"{call} -> {operation.Output}" : $"{call} -> ?";
    }

    public string DescribeState(MapState<DocumentVersion> state) => state?.ToString() ?? "{}";

    private static (DocumentOutput Output, MapState<DocumentVersion> Next) Evaluate(MapState<DocumentVersion> state, DocumentInput input)
    {
        var exists = state.TryGet(input.DocumentId, out var stored);
        var version = exists ? stored.Version : 0;
        switch (input.Kind)
        {
            case DocumentOperationKind.Load:
                return (exists ? DocumentOutput.Loaded(stored.Version, stored.Value) : DocumentOutput.NotFound, state);
            case DocumentOperationKind.Save:
                if (input.ExpectedVersion is { } expected && expected != version)
                {
                    return (DocumentOutput.Conflict, state);
                }

                return (DocumentOutput.Saved(version + 1), state.Set(input.DocumentId, new DocumentVersion(version + 1, input.Value ?? string.Empty)));
            default:
                if (!exists)
                {
                    return (DocumentOutput.NotFound, state);
                }

                return input.ExpectedVersion is { } guard && guard != version
                    ? (DocumentOutput.Conflict, state)
                    : (DocumentOutput.Deleted, state.Remove(input.DocumentId));
        }
    }
}
