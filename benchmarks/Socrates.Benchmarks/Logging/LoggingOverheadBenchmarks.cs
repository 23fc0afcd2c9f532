using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using Socrates.Benchmarks.Harness;
using Socrates.Core.Failpoints;
using Socrates.Benchmarks.Reference;

namespace Socrates.Benchmarks.Logging;

/// <summary>
/// What an operation pays for its log line. The same small fixed workload (one pass of
/// <see cref="FixedWorkload"/>, ~15 µs) runs with no logging call, with a Debug call that the
/// level filter (minimum Information) discards, and with an Information call that is formatted
/// and handed to a provider (an in-memory sink that keeps only a count, so no console or disk
/// I/O is measured). The gates read the ratios: filtered/none and enabled/filtered.
/// </summary>
public partial class LoggingOverheadBenchmarks
{
    /// <summary>
    /// Canary of the logging-overhead gate: the enabled call logs the operation's whole 16 KiB
    /// input as hex (the "log the payload" mistake), so logging costs far more than 5 %.
    /// </summary>
    public const string PayloadFailpoint = HarnessFailpoints.LoggingPayload;

    private ILoggerFactory? _factory;
    private ILogger? _logger;
    private int _operation;
    private bool _payload;

    [GlobalSetup]
    public void Setup()
    {
        _factory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Information)
            .AddProvider(new CountingLoggerProvider()));
        _logger = _factory.CreateLogger<LoggingOverheadBenchmarks>();
        _payload = Failpoint.IsActive(PayloadFailpoint);
    }

    [GlobalCleanup]
    public void Cleanup() => _factory?.Dispose();

    [Benchmark(Baseline = true)]
    public ulong NoLogging() => FixedWorkload.Run(1);

    [Benchmark]
    public ulong LoggingDisabled()
    {
        var result = FixedWorkload.Run(1);
        LogOperationDebug(_logger!, ++_operation, result);
        return result;
    }

    [Benchmark]
    public ulong LoggingEnabled()
    {
        var result = FixedWorkload.Run(1);
        if (_payload)
        {
            // Canary bench.logging.payload: the log line carries a dump of the data worked on.
            // CA1873 names this very defect (an expensive argument built for a log call); here it is the point.
#pragma warning disable CA1873
            LogOperationPayload(_logger!, ++_operation, Convert.ToHexString(FixedWorkload.Buffer));
#pragma warning restore CA1873
            return result;
        }

        LogOperationInformation(_logger!, ++_operation, result);
        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Operation {Operation} finished with hash {Hash}")]
    private static partial void LogOperationDebug(ILogger logger, int operation, ulong hash);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Operation {Operation} finished on {Payload}")]
    private static partial void LogOperationPayload(ILogger logger, int operation, string payload);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Operation {Operation} finished with hash {Hash}")]
    private static partial void LogOperationInformation(ILogger logger, int operation, ulong hash);
}
