using Socrates.Core.Failpoints;

namespace Socrates.Benchmarks.Harness;

/// <summary>
/// The benchmark harness's own canaries: defects of its self-test and floor benchmarks, not of
/// the core, turned on like any failpoint (<c>SOCRATES_FAILPOINTS</c>).
/// </summary>
[FailpointCatalog]
public static class HarnessFailpoints
{
    /// <summary>Slows the self-test benchmark's candidate: its speed-up and regression gates must go red.</summary>
    public const string SelfTestDelay = "bench.selftest.delay";

    /// <summary>Drops the index of the SQLite floor benchmark: the point select becomes a scan.</summary>
    public const string SqliteNoIndex = "bench.sqlite.no-index";

    /// <summary>The logging benchmark's enabled log call also dumps the operation's 16 KiB buffer as hex: logging far over 5 % of the operation.</summary>
    public const string LoggingPayload = "bench.logging.payload";
}
