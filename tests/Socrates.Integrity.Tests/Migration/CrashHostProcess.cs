using System.Diagnostics;
using System.Text;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// Launches Socrates.CrashHost (built beside this test assembly through the project reference)
/// as a child process, and kills it with SIGKILL when told.
/// </summary>
internal static class CrashHostProcess
{
    private static readonly TimeSpan s_runLimit = TimeSpan.FromMinutes(2);

    public static string HostPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Socrates.CrashHost.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The crash host is not beside the tests at '{path}'; build tests/Socrates.Integrity.Tests (it references tests/Socrates.CrashHost).", path);
        }
    }

    /// <summary>Runs the host to its end; returns its exit code, output and errors.</summary>
    public static async Task<HostRun> RunToEndAsync(string source, string target, int batchSize)
    {
        using var process = Start(source, target, batchSize);
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(s_runLimit);
        await process.WaitForExitAsync(limit.Token);
        return new HostRun(process.ExitCode, await output, await errors, Killed: false, LastBatchSeen: -1);
    }

    /// <summary>
    /// Starts the host and kills it (whole process tree, SIGKILL) <paramref name="delay"/> after it
    /// reported batch <paramref name="afterBatch"/> committed (0: after it reported starting).
    /// If it ends first, the run reports Killed = false.
    /// </summary>
    public static async Task<HostRun> RunAndKillAsync(string source, string target, int batchSize, int afterBatch, TimeSpan delay)
    {
        using var process = Start(source, target, batchSize);
        var errors = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        using var limit = new CancellationTokenSource(s_runLimit);
        var lastBatch = 0;
        var trigger = afterBatch == 0 ? "started" : $"batch {afterBatch} committed";
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(limit.Token)) is not null)
        {
            output.AppendLine(line);
            if (line.StartsWith("batch ", StringComparison.Ordinal))
            {
                lastBatch = int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (line.StartsWith(trigger, StringComparison.Ordinal))
            {
                break;
            }
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, limit.Token);
        }

        var killed = false;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        await process.WaitForExitAsync(limit.Token);
        output.Append(await process.StandardOutput.ReadToEndAsync(limit.Token));
        return new HostRun(process.ExitCode, output.ToString(), await errors, killed, lastBatch);
    }

    private static Process Start(string source, string target, int batchSize)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostPath);
        info.ArgumentList.Add(source);
        info.ArgumentList.Add(target);
        info.ArgumentList.Add(batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The host inherits SOCRATES_FAILPOINTS: in the canary run of the crash gate it copies with
        // the injected defect, and the survival rate must drop.
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the crash host.");
    }
}

/// <summary>How a host run ended.</summary>
internal sealed record HostRun(int ExitCode, string Output, string Errors, bool Killed, int LastBatchSeen);
