using System.Globalization;
using System.Text;

namespace Socrates.Testing.Concurrency;

/// <summary>The outcome of <see cref="ProgramShrinker"/>: the original and the minimal failing program with its history.</summary>
public sealed record ShrinkResult(
    ConcurrentProgram Original,
    ConcurrentProgram Minimal,
    ProgramRunResult MinimalFailure,
    int ShrinkSteps,
    int Runs,
    bool BudgetExhausted)
{
    /// <summary>The report: sizes, the minimal program and its timeline.</summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Not linearizable. Shrunk from {Original.OperationCount} steps / {Original.Clients.Count} clients to {Minimal.OperationCount} steps / {Minimal.Clients.Count} clients ({ShrinkSteps} shrinks, {Runs} runs{(BudgetExhausted ? ", budget spent: not shrunk further" : string.Empty)})."));
        text.AppendLine("Minimal program:");
        text.Append(Minimal);
        text.AppendLine("Its history:");
        text.Append(MinimalFailure.Render());
        return text.ToString();
    }
}
