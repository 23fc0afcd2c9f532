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
            error.WriteLine($"error: {path} is invalid ({ex.Problems.Count} problem{(ex.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in ex.Problems)
            {
                error.WriteLine($"  error: {problem}");
            }

            return null;
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
