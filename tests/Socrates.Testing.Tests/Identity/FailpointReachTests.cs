using System.Diagnostics;

namespace Socrates.Testing.Tests.Identity;

/// <summary>
/// The reach recording in a process of its own (observing is once per process): a child test
/// run with <c>SOCRATES_FAILPOINT_REACH</c> set writes, for each test, the failpoints it checked.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FailpointReachTests
{
    [Fact]
    public async Task Reach_AChildRunCheckingAFailpoint_RecordsTheTestAgainstIt()
    {
        var folder = Path.Combine(Path.GetTempPath(), "socrates-reach-" + Guid.NewGuid().ToString("N"));
        try
        {
            var assembly = typeof(FailpointReachTests).Assembly.Location;
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "test", assembly, "--filter", "FullyQualifiedName~ReachProbe" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["SOCRATES_FAILPOINT_REACH"] = folder;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"child run exit {process.ExitCode}: {await output}{await error}");

            var lines = Directory.EnumerateFiles(folder, "*.tsv").SelectMany(File.ReadAllLines).ToList();
            Assert.Contains($"{Socrates.Core.Failpoints.CoreFailpoints.SelfTest}\t{typeof(ReachProbe).FullName}.{nameof(ReachProbe.ChecksTheSelfTestFailpoint)}", lines);
            Assert.DoesNotContain(lines, l => l.EndsWith(nameof(ReachProbe.ChecksNothing), StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>The tests <see cref="FailpointReachTests"/>' child run observes: one checks a failpoint, one does not.</summary>
[Trait("Category", "Unit")]
public sealed class ReachProbe
{
    [Fact]
    public async Task ChecksTheSelfTestFailpoint()
    {
        await Task.Yield();
        Assert.False(Socrates.Core.Failpoints.Failpoint.IsActive(Socrates.Core.Failpoints.CoreFailpoints.SelfTest));
    }

    [Fact]
    public void ChecksNothing() => Assert.Equal($"{typeof(ReachProbe).FullName}.{nameof(ChecksNothing)}", Socrates.Testing.Identity.TestIdentity.Current);
}
