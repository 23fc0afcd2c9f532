using System.Runtime.InteropServices;

namespace Socrates.Gates.Reporting;

/// <summary>Where the run happened.</summary>
internal sealed record MachineInfo(string Name, string Os, int Cores)
{
    public static MachineInfo Current() =>
        new(Environment.MachineName, RuntimeInformation.OSDescription, Environment.ProcessorCount);
}
