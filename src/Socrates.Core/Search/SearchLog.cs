using Microsoft.Extensions.Logging;

namespace Socrates.Core.Search;

internal static partial class SearchLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Vector index validation failed during {Operation}: {Report}")]
    public static partial void ValidationFailed(ILogger logger, string operation, IndexValidationReport report);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Vector search fell back to the previous index version (generation {Generation}, sequence {Sequence}).")]
    public static partial void FellBackToPrevious(ILogger logger, long generation, long sequence);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Vector search fell back to EXACT search: no valid index version is available. Queries are correct but slow until a rebuild succeeds.")]
    public static partial void FellBackToExact(ILogger logger);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Vector index rebuild to generation {Generation} produced an invalid index; the current version stays in service.")]
    public static partial void RebuildRejected(ILogger logger, long generation);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "Vector index generation {Generation} in service: {Count} entries in {Lists} lists.")]
    public static partial void Swapped(ILogger logger, long generation, int count, int lists);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information,
        Message = "Vector index generation {Generation}: default probes {Probes} of {Lists} lists, calibrated to recall@10 {Recall:F3} on {Queries} queries ({Source}).")]
    public static partial void Calibrated(ILogger logger, long generation, int probes, int lists, double recall, int queries, CalibrationSource source);
}
