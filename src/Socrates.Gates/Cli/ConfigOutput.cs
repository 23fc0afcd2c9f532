using Socrates.Gates.Config;

namespace Socrates.Gates.Cli;

/// <summary>Loads the gates file for a command, printing every problem when it is invalid.</summary>
internal static class ConfigOutput
{
    public static GateConfig? LoadOrReport(string path, TextWriter error)
    {
        try
        {
            return GateConfigLoader.Load(path);
        }
        catch (GateConfigException ex)
        {
            WriteProblems(path, ex.Problems, error);
            return null;
        }
    }

    public static void WriteProblems(string path, IReadOnlyList<GateConfigProblem> problems, TextWriter error)
    {
        error.WriteLine($"error: {path} is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            error.WriteLine($"  error: {problem}");
        }
    }

    public static void WriteWarnings(GateConfig config, TextWriter writer)
    {
        foreach (var warning in GateConfigLoader.Warnings(config))
        {
            writer.WriteLine($"  warning: {warning}");
        }
    }
}
