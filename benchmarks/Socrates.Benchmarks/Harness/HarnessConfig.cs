using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace Socrates.Benchmarks.Harness;

/// <summary>
/// The one BenchmarkDotNet configuration of the suite: the profile's job, allocations per
/// operation (MemoryDiagnoser), the full JSON exporter (every iteration's measurement: what
/// <c>bench-compare</c> reads) and GitHub Markdown (what people read).
/// </summary>
public static class HarnessConfig
{
    public static IConfig Create(HarnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ManualConfig.CreateEmpty()
            .AddJob(options.Profile.ToJob())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .AddLogger(ConsoleLogger.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40))
            .WithArtifactsPath(options.ArtifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
