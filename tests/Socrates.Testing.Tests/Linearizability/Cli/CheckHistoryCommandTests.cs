using Socrates.Cli;
using Socrates.Cli.Commands;

namespace Socrates.Testing.Tests.Linearizability.Cli;

[Trait("Category", "Unit")]
public sealed class CheckHistoryCommandTests
{
    private static string Sample(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Linearizability", "Histories", name);

    [Fact]
    public async Task Run_LinearizableRegister_Exit0()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", Sample("register-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.Linearizable, exit);
        Assert.StartsWith("LINEARIZABLE: 5 operations", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StaleRead_Exit1WithTimelineNamingOffendingOp()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", "--timeout", "30s", Sample("register-stale.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("NOT LINEARIZABLE", output, StringComparison.Ordinal);
        Assert.Contains("Timeline", output, StringComparison.Ordinal);
        Assert.Contains("client 1", output, StringComparison.Ordinal);
        Assert.Contains("Could not place #3 (client 1, t=7..8), whose completion had passed: read -> 1 but the state is 2.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CasLostUpdate_Exit1()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "-m", "cas-register", Sample("cas-lost-update.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("1 failed operation(s) ignored", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeyValue_Exit0()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", Sample("kv-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.Linearizable, exit);
        Assert.Contains("in 2 partition(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PathologicalWithTinyBudget_Exit2()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", "--timeout", "50ms", Sample("register-pathological.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unknown, exit);
        Assert.StartsWith("UNKNOWN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedEdn_Exit3WithLine()
    {
        var (exit, output, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("malformed.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Empty(output);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("[edn.syntax]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnmatchedCompletion_Exit3WithLine()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("unmatched.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Line 3:", error, StringComparison.Ordinal);
        Assert.Contains("[jepsen.unmatched-completion]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WrongModelForHistory_Exit3()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("cas-lost-update.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Line 4:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_Exit3()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "register", Sample("no-such-file.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PorcupineKvDetected_Exit0()
    {
        var (exit, output, error) = await CliRun.RunAsync("check-history", "--model", "kv", Sample("porcupine-kv-ok.edn"));

        Assert.True(exit == CheckHistoryExitCodes.Linearizable, output + error);
        Assert.StartsWith("LINEARIZABLE: 9 operations in 3 partition(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PorcupineKvStaleRead_Exit1()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", "--format", "porcupine", Sample("porcupine-kv-stale.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("get 1 -> \"\" but the state is", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PorcupineKvReadAsJepsenForm_Exit3()
    {
        var (exit, _, error) = await CliRun.RunAsync("check-history", "--model", "kv", "--format", "jepsen", Sample("porcupine-kv-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
        Assert.Contains("[jepsen.unsupported-operation]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PorcupineKvWithInitialNil_EmptyReadRefuted()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", "--initial", "nil", Sample("porcupine-kv-ok.edn"));

        Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        Assert.Contains("get 1 -> \"\" but the state is {}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RegisterWithInitialValue_ReadOfItLinearizable()
    {
        var path = Path.Combine(Path.GetTempPath(), $"check-history-{Guid.NewGuid():N}.edn");
        await File.WriteAllTextAsync(path, "{:process 0, :type :invoke, :f :read, :value nil}\n{:process 0, :type :ok, :f :read, :value 0}\n");
        try
        {
            var (withInitial, _, _) = await CliRun.RunAsync("check-history", "--model", "register", "--initial", "0", path);
            var (without, _, _) = await CliRun.RunAsync("check-history", "--model", "register", path);

            Assert.Equal(CheckHistoryExitCodes.Linearizable, withInitial);
            Assert.Equal(CheckHistoryExitCodes.NotLinearizable, without);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("empty.edn")]
    [InlineData("only-failed.edn")]
    public async Task Run_NothingToJudge_Exit4NothingChecked(string sample)
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", Sample(sample));

        Assert.Equal(CheckHistoryExitCodes.NothingChecked, exit);
        Assert.StartsWith("NOTHING CHECKED: 0 operations", output, StringComparison.Ordinal);
        Assert.DoesNotContain("LINEARIZABLE", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TinyMemoryBudget_Exit2NamingIt()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "register", "--timeout", "5m", "--max-memory", "64KB", Sample("register-pathological.edn"));

        Assert.Equal(CheckHistoryExitCodes.Unknown, exit);
        Assert.Contains("the memory budget of 0.1 MiB was reached", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SeveralFiles_OneVerdictLineEachAndWorstExit()
    {
        var (exit, output, _) = await CliRun.RunAsync(
            "check-history", "--model", "register", Sample("register-ok.edn"), Sample("empty.edn"), Sample("register-stale.edn"), Sample("no-such-file.edn"));

        var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.EndsWith("register-ok.edn: LINEARIZABLE: 5 operations in 1 partition(s)", lines[0], StringComparison.Ordinal);
        Assert.Contains("empty.edn: NOTHING CHECKED", lines[1], StringComparison.Ordinal);
        Assert.Contains("register-stale.edn: NOT LINEARIZABLE", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("no-such-file.edn: UNREADABLE", lines[3], StringComparison.Ordinal);
        Assert.Equal(CheckHistoryExitCodes.Unreadable, exit);
    }

    [Fact]
    public async Task Run_Folder_EveryFileCheckedWorstExit()
    {
        var folder = Directory.CreateTempSubdirectory("check-history-").FullName;
        try
        {
            File.Copy(Sample("porcupine-kv-ok.edn"), Path.Combine(folder, "a.edn"));
            File.Copy(Sample("porcupine-kv-stale.edn"), Path.Combine(folder, "b.edn"));

            var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", folder);

            var lines = output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains("a.edn: LINEARIZABLE", lines[0], StringComparison.Ordinal);
            Assert.Contains("b.edn: NOT LINEARIZABLE", lines[1], StringComparison.Ordinal);
            Assert.Equal(CheckHistoryExitCodes.NotLinearizable, exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Run_EmptyFolder_Exit4()
    {
        var folder = Directory.CreateTempSubdirectory("check-history-").FullName;
        try
        {
            var (exit, output, _) = await CliRun.RunAsync("check-history", "--model", "kv", folder);

            Assert.Equal(CheckHistoryExitCodes.NothingChecked, exit);
            Assert.StartsWith("NOTHING CHECKED: no history file", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 4, 4)]
    [InlineData(4, 2, 2)]
    [InlineData(2, 1, 1)]
    [InlineData(1, 3, 3)]
    public void Severity_WorstOfTwo_Ordered(int first, int second, int worst)
    {
        var picked = CheckHistoryExitCodes.Severity(second) > CheckHistoryExitCodes.Severity(first) ? second : first;

        Assert.Equal(worst, picked);
    }

    [Theory]
    [InlineData("check-history", "--model", "queue", "x.edn")]
    [InlineData("check-history", "--model", "kv", "--format", "xml", "x.edn")]
    [InlineData("check-history", "--model", "kv", "--max-memory", "lots", "x.edn")]
    [InlineData("check-history", "--model", "kv", "--max-memory", "0", "x.edn")]
    [InlineData("check-history", "--model", "kv", "--initial", "[1", "x.edn")]
    [InlineData("check-history", "x.edn")]
    [InlineData("check-history", "--model", "register")]
    [InlineData("check-history", "--model", "register", "--timeout", "soon", "x.edn")]
    [InlineData("check-history", "--model", "register", "--timeout", "0s", "x.edn")]
    [InlineData("no-such-command")]
    public async Task Run_UsageError_Exit3(params string[] args)
    {
        var (exit, output, error) = await CliRun.RunAsync(args);

        Assert.Equal(CliExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Help_Exit0AndDescribesExitCodes()
    {
        var (exit, output, _) = await CliRun.RunAsync("check-history", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("2 unknown", output, StringComparison.Ordinal);
        Assert.Contains("--timeout", output, StringComparison.Ordinal);
        Assert.Contains("--max-memory", output, StringComparison.Ordinal);
        Assert.Contains("--format", output, StringComparison.Ordinal);
        Assert.Contains("4 nothing checked", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("512MB", 512L << 20)]
    [InlineData("1GB", 1L << 30)]
    [InlineData("64KiB", 64L << 10)]
    [InlineData("1.5G", 3L << 29)]
    [InlineData("4096", 4096L)]
    public void TryParse_Sizes_Parsed(string text, long bytes)
    {
        Assert.Equal(bytes, ByteSizeParser.TryParse(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("3", 3_000)]
    [InlineData("00:00:04", 4_000)]
    public void TryParse_Durations_Parsed(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationParser.TryParse(text, out var error));
        Assert.Null(error);
    }
}
