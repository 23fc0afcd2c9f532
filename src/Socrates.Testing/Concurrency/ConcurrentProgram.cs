using System.Text;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// A concurrent test program: a sequential <see cref="Prefix"/> (one client, before anything
/// else), then <see cref="Clients"/> running in parallel (each a sequence), then a sequential
/// <see cref="Suffix"/> once every client has finished.
/// </summary>
public sealed record ConcurrentProgram(
    IReadOnlyList<ProgramOperation> Prefix,
    IReadOnlyList<IReadOnlyList<ProgramOperation>> Clients,
    IReadOnlyList<ProgramOperation> Suffix)
{
    /// <summary>Every step, prefix and suffix included.</summary>
    public int OperationCount => Prefix.Count + Clients.Sum(c => c.Count) + Suffix.Count;

    /// <summary>The program, one block per phase, one line per step.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, "prefix", Prefix);
        for (var i = 0; i < Clients.Count; i++)
        {
            Append(text, $"client {i + 1}", Clients[i]);
        }

        Append(text, "suffix", Suffix);
        return text.ToString();
    }

    private static void Append(StringBuilder text, string title, IReadOnlyList<ProgramOperation> steps)
    {
        text.Append(title).Append(':');
        if (steps.Count == 0)
        {
            text.AppendLine(" (none)");
            return;
        }

        text.AppendLine();
        foreach (var step in steps)
        {
            text.Append("  ").AppendLine(step.ToString());
        }
    }
}
