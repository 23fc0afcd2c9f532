using System.Diagnostics;
using Socrates.Cli;
using Socrates.Core.Migration.V1ToV2;
using Socrates.Integrity.Tests.Migration;
using Socrates.Integrity.Tests.V1ToV2;
using Socrates.Testing.Integrity;
using Xunit.Abstractions;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>
/// <c>socrates migrate</c> as a child process, sent SIGINT (Ctrl-C) or SIGTERM mid-copy: it stops
/// at a batch boundary, says where and how to resume, exits <see cref="CliExitCodes.Interrupted"/>,
/// and the same command run again completes to a verified V2.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class SignalStopTests(ITestOutputHelper output)
{
    private static readonly V1GenerationOptions s_slowEnough = new(Users: 20, Projects: 400, MessagesPerProject: 10, Seed: 51, BadShare: 0);

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Migrate_SignalMidCopy_StopsAtBatchBoundaryExitsInterruptedAndResumes(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX signals
        }

        using var directory = new TempDirectory();
        var v1 = directory.File("v1.db");
        var v2 = directory.File("v2.db");
        await V1Databases.GenerateAsync(v1, s_slowEnough);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Through coreutils' env: a test host started in the background of a non-interactive shell
        // (CI scripts, nohup) ignores SIGINT, the child would inherit that and .NET keeps an ignored
        // SIGINT ignored, so the signal under test would never arrive. A user's Ctrl-C reaches a
        // foreground process whose SIGINT is at its default, as here.
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--default-signal=INT,TERM", "dotnet", Path.Combine(AppContext.BaseDirectory, "socrates.dll"), "migrate", "--from", v1, "--to", v2, "--batch-size", "1" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = new System.Text.StringBuilder();
        string? line;
        var signalled = false;
        while ((line = await process.StandardError.ReadLineAsync(limit.Token)) is not null)
        {
            stderr.AppendLine(line);
            if (!signalled && line.Contains("rows/s", StringComparison.Ordinal))
            {
                using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync(limit.Token);
                signalled = true;
            }
        }

        await process.WaitForExitAsync(limit.Token);
        var errors = stderr.ToString();
        output.WriteLine($"exit {process.ExitCode}\n{errors}\n{await stdout}");

        Assert.True(signalled, "the copy ended before it reported progress");
        Assert.Equal(CliExitCodes.Interrupted, process.ExitCode);
        Assert.Contains($"SIG{signal} received", errors, StringComparison.Ordinal);
        Assert.Matches("stopped on request ((in|after|before) table '[a-z_]+'|during [A-Za-z]+)", errors);
        Assert.Contains("Run the same command again to resume", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);

        using var rerunOutput = new StringWriter();
        using var rerunError = new StringWriter();
        var exit = await CliApp.RunAsync(["migrate", "--from", v1, "--to", v2, "--batch-size", "50"], rerunOutput, rerunError);
        Assert.Equal(CliExitCodes.Success, exit);
        var verify = await V1ToV2Verifier.VerifyAsync(v1, v2, CancellationToken.None);
        Assert.True(verify.Clean, verify.Report.Describe());
    }
}
