namespace Socrates.Core.Failpoints;

/// <summary>Failpoints of the failpoint mechanism itself, used to test it.</summary>
[FailpointCatalog]
public static class CoreFailpoints
{
    /// <summary>Does nothing but be on: lets tests prove the mechanism without touching a feature.</summary>
    public const string SelfTest = "core.failpoints.self-test";
}
