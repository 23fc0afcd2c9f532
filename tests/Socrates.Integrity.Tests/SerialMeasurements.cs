namespace Socrates.Integrity.Tests;

/// <summary>
/// The collection of tests that measure time or memory: xUnit runs it on its own, after the tests
/// that run in parallel, so their figures hold only their own work.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialMeasurements
{
    public const string Name = "serial measurements";
}
