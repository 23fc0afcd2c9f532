using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
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
    private ILoggerFactory? _factory;
    private ILogger? _logger;
    private int _operation;

    [GlobalSetup]
    public void Setup()
    {
        _factory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Information)
            .AddProvider(new CountingLoggerProvider()));
        _logger = _factory.CreateLogger<LoggingOverheadBenchmarks>();
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
        LogOperationInformation(_logger!, ++_operation, result);
        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Operation {Operation} finished with hash {Hash}")]
    private static partial void LogOperationDebug(ILogger logger, int operation, ulong hash);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Operation {Operation} finished with hash {Hash}")]
    private static partial void LogOperationInformation(ILogger logger, int operation, ulong hash);
}
