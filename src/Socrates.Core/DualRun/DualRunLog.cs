using Microsoft.Extensions.Logging;

namespace Socrates.Core.DualRun;

/// <summary>The dual-run comparator's log messages.</summary>
internal static partial class DualRunLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning,
        Message = "Dual-run mismatch in {Operation} for '{EntityId}' at {FieldPath}: {Detail} (the primary's answer was served)")]
    public static partial void Mismatch(ILogger logger, string operation, string entityId, string fieldPath, string detail);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error,
        Message = "Dual-run shadow write {Operation} for '{EntityId}' failed after the primary committed; the stores now disagree on it")]
    public static partial void ShadowWriteFailed(ILogger logger, Exception error, string operation, string entityId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "Dual-run shadow read {Operation} for '{EntityId}' failed; the primary's answer was served uncompared")]
    public static partial void ShadowReadFailed(ILogger logger, Exception error, string operation, string entityId);
}
