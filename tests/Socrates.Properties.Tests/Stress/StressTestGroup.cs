namespace Socrates.Properties.Tests.Stress;

/// <summary>Stress tests measure latency and the managed heap: they run alone, never beside other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressTestGroup
{
    public const string Name = "Stress";
}
