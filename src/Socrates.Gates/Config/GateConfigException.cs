namespace Socrates.Gates.Config;

/// <summary>
/// A gates file that cannot be used. Carries every problem found (validation does not stop at
/// the first); <see cref="File"/>, <see cref="GateId"/> and <see cref="Field"/> are those of the first.
/// </summary>
#pragma warning disable CA1032 // The problems are required; a parameterless constructor would make an empty error.
internal sealed class GateConfigException : Exception
#pragma warning restore CA1032
{
    public GateConfigException(IReadOnlyList<GateConfigProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    public GateConfigException(GateConfigProblem problem, Exception? innerException = null)
        : base(Format([problem]), innerException)
    {
        Problems = [problem];
    }

    public IReadOnlyList<GateConfigProblem> Problems { get; }

    public string File => Problems[0].File;

    public string? GateId => Problems[0].GateId;

    public string? Field => Problems[0].Field;

    private static string Format(IReadOnlyList<GateConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A configuration error needs at least one problem.", nameof(problems));
        }

        return problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} problems in {problems[0].File}:{Environment.NewLine}  "
              + string.Join(Environment.NewLine + "  ", problems);
    }
}
