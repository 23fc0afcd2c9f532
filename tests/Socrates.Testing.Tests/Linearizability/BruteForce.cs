using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability;

/// <summary>
/// The oracle for small histories of any model: tries every order of every subset of the
/// indeterminate operations (all completed ones included), respecting real time. Exponential: a
/// dozen operations at most.
/// </summary>
internal static class BruteForce
{
    public static bool IsLinearizable<TState, TInput, TOutput>(IModel<TState, TInput, TOutput> model, History<TInput, TOutput> history)
        where TState : notnull
    {
        var ops = history.Where(o => o.Status != OperationStatus.Failed).ToArray();
        return Extend(model, model.InitialState, new bool[ops.Length], ops);
    }

    // Depth-first: an op may come next when no unplaced completed op finished before it started.
    private static bool Extend<TState, TInput, TOutput>(IModel<TState, TInput, TOutput> model, TState state, bool[] placed, Operation<TInput, TOutput>[] ops)
        where TState : notnull
    {
        if (ops.Select((o, i) => placed[i] || o.Status != OperationStatus.Ok).All(done => done))
        {
            return true;
        }

        for (var i = 0; i < ops.Length; i++)
        {
            var op = ops[i];
            if (placed[i] || ops.Where((other, j) => !placed[j] && j != i && other.Status == OperationStatus.Ok).Any(other => other.CompletedAt < op.InvokedAt))
            {
                continue;
            }

            var step = op.Status == OperationStatus.Ok
                ? model.Apply(state, op.Input, op.Output!)
                : StepResult<TState>.Legal(model.ApplyIndeterminate(state, op.Input));
            if (!step.IsLegal)
            {
                continue;
            }

            placed[i] = true;
            var found = Extend(model, step.NextState!, placed, ops);
            placed[i] = false;
            if (found)
            {
                return true;
            }
        }

        return false;
    }
}
