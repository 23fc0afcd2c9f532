using System.Diagnostics;

namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>
/// Has the kernel write back every dirty page before a timed run (<c>sync</c>), so a run that
/// follows one which wrote hundreds of megabytes does not pay for that write-back with its own
/// fsyncs. Where there is no <c>sync</c> command (not Linux), it does nothing.
/// </summary>
internal static class PendingWrites
{
    public static async Task FlushAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start 'sync'.");
        await sync.WaitForExitAsync();
        if (sync.ExitCode != 0)
        {
            throw new InvalidOperationException($"'sync' exited with {sync.ExitCode}.");
        }
    }
}
