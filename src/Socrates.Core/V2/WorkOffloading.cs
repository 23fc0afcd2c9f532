namespace Socrates.Core.V2;

/// <summary>
/// Where the synchronous ADO.NET work of an operation runs. Microsoft.Data.Sqlite's async
/// methods complete synchronously, so an "async" call would otherwise block its caller.
/// </summary>
public enum WorkOffloading
{
    /// <summary>
    /// Hop to the thread pool only when the caller is not already on a pool thread (a UI,
    /// request or test-runner thread is freed; a pool thread just does the work, saving a
    /// context switch per operation). The number of pool threads blocked is bounded by the
    /// connection pool size.
    /// </summary>
    Auto,

    /// <summary>Always run the work on the thread pool (Task.Run).</summary>
    Always,
}
