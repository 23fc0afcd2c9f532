using System.Collections.Concurrent;
using System.Text;
using Socrates.Core.Failpoints;

namespace Socrates.Testing.Identity;

/// <summary>
/// Which tests check which failpoint, recorded in a clean run when <c>SOCRATES_FAILPOINT_REACH</c>
/// names a folder: one tab-separated line <c>failpoint, test</c> per pair, appended to
/// <c>{folder}/{assembly}.{process}.tsv</c> as each test ends. A test that never checks a failpoint
/// behaves the same with it on, so a canary whose gate counts failed tests reruns only the tests
/// that reached its failpoint.
/// </summary>
public static class FailpointReach
{
    public const string EnvironmentVariable = "SOCRATES_FAILPOINT_REACH";

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> s_byTest = new(StringComparer.Ordinal);
    private static readonly Lock s_fileLock = new();
    private static int s_started;

    internal static void StartIfRequested()
    {
        if (Volatile.Read(ref s_started) != 0 || string.IsNullOrWhiteSpace(Folder) || Interlocked.Exchange(ref s_started, 1) != 0)
        {
            return;
        }

        Failpoint.ObserveChecks(Record);
    }

    private static string? Folder => Environment.GetEnvironmentVariable(EnvironmentVariable);

    private static void Record(string failpoint)
    {
        var test = TestIdentity.Current;
        if (test is not null)
        {
            s_byTest.GetOrAdd(test, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal)).TryAdd(failpoint, 0);
        }
    }

    internal static void Flush(string test)
    {
        if (Volatile.Read(ref s_started) == 0 || !s_byTest.TryRemove(test, out var failpoints) || failpoints.IsEmpty)
        {
            return;
        }

        var folder = Folder!;
        var lines = new StringBuilder();
        foreach (var failpoint in failpoints.Keys.Order(StringComparer.Ordinal))
        {
            lines.Append(failpoint).Append('\t').Append(test).Append('\n');
        }

        lock (s_fileLock)
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{TestIdentity.Assembly ?? "tests"}.{Environment.ProcessId}.tsv");
            File.AppendAllText(file, lines.ToString());
        }
    }
}
