namespace Socrates.Benchmarks.Fixtures;

/// <summary>
/// Runs an async setup or cleanup to completion on a pool thread. BenchmarkDotNet 0.14's
/// in-process toolchain does not await an async [GlobalSetup] (the first benchmark call found
/// the V2 database still null), so setups are synchronous methods that block here. Never used
/// inside a measured method.
/// </summary>
public static class Blocking
{
    public static void Run(Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
#pragma warning disable VSTHRD002 // Deliberate: BenchmarkDotNet needs the setup finished before it returns.
        Task.Run(work).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }
}
