using System.Collections.Immutable;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// What one correct copy of a V2 project answers, partitioned by project id. Absent = version 0.
/// <list type="bullet">
/// <item>save(expected, value): expected equal to the stored version gives Saved(v+1) with the
/// value; the collaborators become the saved list (always empty here); the messages are kept on
/// an update (the saved project carries no loaded history) and start at 0 on creation. Otherwise
/// Conflict, nothing changes.</item>
/// <item>load: Loaded(version, value) or NotFound.</item>
/// <item>delete: Done (everything the project owns goes) or NotFound.</item>
/// <item>add-collaborator(u): Unchanged (false) when absent or when u is already one, otherwise
/// Done, u appended, version+1.</item>
/// <item>remove-collaborator(u): Unchanged (false) when absent or when u is none, otherwise Done,
/// every occurrence removed, version+1.</item>
/// <item>append-message: NotFound when absent, otherwise Position(count), count+1, version+1.</item>
/// <item>count-messages: Count(n), 0 when absent.</item>
/// </list>
/// </summary>
public sealed class ProjectModel : IModel<MapState<ProjectState>, ProjectCall, ProjectAnswer>
{
    public MapState<ProjectState> InitialState => MapState<ProjectState>.Empty;

    public StepResult<MapState<ProjectState>> Apply(MapState<ProjectState> state, ProjectCall input, ProjectAnswer output)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var (expected, next) = Evaluate(state, input);
        return expected == output ? StepResult<MapState<ProjectState>>.Legal(next) : StepResult<MapState<ProjectState>>.Illegal;
    }

    public MapState<ProjectState> ApplyIndeterminate(MapState<ProjectState> state, ProjectCall input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        return Evaluate(state, input).Next;
    }

    public string? PartitionKey(ProjectCall input) => input?.ProjectId;

    public bool IsReadOnly(ProjectCall input) => input?.Kind is ProgramOperationKind.Load or ProgramOperationKind.CountMessages;

    public string Describe(Operation<ProjectCall, ProjectAnswer> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var step = new ProgramOperation(operation.Input.Kind, 0, operation.Input.ExpectedVersion, operation.Input.Argument)
            .ToString().Replace("p0", operation.Input.ProjectId, StringComparison.Ordinal);
        return operation.Status == OperationStatus.Ok ? $"{step} -> {operation.Output}" : $"{step} -> ?";
    }

    public string DescribeState(MapState<ProjectState> state) => state?.ToString() ?? "{}";

    private static (ProjectAnswer Output, MapState<ProjectState> Next) Evaluate(MapState<ProjectState> state, ProjectCall call)
    {
        var exists = state.TryGet(call.ProjectId, out var p);
        var notFound = new ProjectAnswer(ProjectAnswerKind.NotFound);
        switch (call.Kind)
        {
            case ProgramOperationKind.Save:
                var version = exists ? p.Version : 0;
                if (call.ExpectedVersion != version)
                {
                    return (new ProjectAnswer(ProjectAnswerKind.Conflict), state);
                }

                var saved = new ProjectState(version + 1, call.Argument, [], exists ? p.Messages : 0);
                return (new ProjectAnswer(ProjectAnswerKind.Saved, version + 1), state.Set(call.ProjectId, saved));
            case ProgramOperationKind.Load:
                return (exists ? new ProjectAnswer(ProjectAnswerKind.Loaded, p.Version, p.Value) : notFound, state);
            case ProgramOperationKind.Delete:
                return exists ? (new ProjectAnswer(ProjectAnswerKind.Done), state.Remove(call.ProjectId)) : (notFound, state);
            case ProgramOperationKind.CountMessages:
                return (new ProjectAnswer(ProjectAnswerKind.Count, exists ? p.Messages : 0), state);
        }

        if (!exists)
        {
            // The collaborator methods answer a bare false for "absent" and for "nothing to change".
            return (call.Kind == ProgramOperationKind.AppendMessage ? notFound : new ProjectAnswer(ProjectAnswerKind.Unchanged), state);
        }

        switch (call.Kind)
        {
            case ProgramOperationKind.AddCollaborator:
                return p.Collaborators.Contains(call.Argument, StringComparer.Ordinal)
                    ? (new ProjectAnswer(ProjectAnswerKind.Unchanged), state)
                    : (new ProjectAnswer(ProjectAnswerKind.Done), state.Set(call.ProjectId, p with { Version = p.Version + 1, Collaborators = p.Collaborators.Add(call.Argument) }));
            case ProgramOperationKind.RemoveCollaborator:
                return !p.Collaborators.Contains(call.Argument, StringComparer.Ordinal)
                    ? (new ProjectAnswer(ProjectAnswerKind.Unchanged), state)
                    : (new ProjectAnswer(ProjectAnswerKind.Done), state.Set(call.ProjectId, p with
                    {
                        Version = p.Version + 1,
                        Collaborators = p.Collaborators.RemoveAll(u => string.Equals(u, call.Argument, StringComparison.Ordinal)),
                    }));
            case ProgramOperationKind.AppendMessage:
                return (new ProjectAnswer(ProjectAnswerKind.Position, p.Messages), state.Set(call.ProjectId, p with { Version = p.Version + 1, Messages = p.Messages + 1 }));
            default:
                throw new ArgumentException($"'{call.Kind}' is not a database step of the project model.", nameof(call));
        }
    }
}
