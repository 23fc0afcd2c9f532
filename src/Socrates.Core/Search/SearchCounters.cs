using System.Diagnostics.Metrics;

namespace Socrates.Core.Search;

/// <summary>
/// What the index manager did that an operator must see: failed validations and the fallbacks
/// they caused. Readable as properties (tests, health checks) and published as
/// <see cref="System.Diagnostics.Metrics"/> counters on meter <see cref="MeterName"/>.
/// </summary>
public sealed class SearchCounters
{
    public const string MeterName = "Socrates.Search";

    private static readonly Meter s_meter = new(MeterName);
    private static readonly Counter<long> s_validationFailures = s_meter.CreateCounter<long>("socrates.search.index.validation_failures");
    private static readonly Counter<long> s_fallbacksToPrevious = s_meter.CreateCounter<long>("socrates.search.index.fallbacks_to_previous");
    private static readonly Counter<long> s_fallbacksToExact = s_meter.CreateCounter<long>("socrates.search.index.fallbacks_to_exact");
    private static readonly Counter<long> s_rebuilds = s_meter.CreateCounter<long>("socrates.search.index.rebuilds");

    private long _validationFailures;
    private long _fallbacksToPrevious;
    private long _fallbacksToExact;
    private long _rebuilds;

    public long ValidationFailures => Interlocked.Read(ref _validationFailures);

    public long FallbacksToPrevious => Interlocked.Read(ref _fallbacksToPrevious);

    public long FallbacksToExact => Interlocked.Read(ref _fallbacksToExact);

    public long Rebuilds => Interlocked.Read(ref _rebuilds);

    internal void ValidationFailed()
    {
        Interlocked.Increment(ref _validationFailures);
        s_validationFailures.Add(1);
    }

    internal void FellBackToPrevious()
    {
        Interlocked.Increment(ref _fallbacksToPrevious);
        s_fallbacksToPrevious.Add(1);
    }

    internal void FellBackToExact()
    {
        Interlocked.Increment(ref _fallbacksToExact);
        s_fallbacksToExact.Add(1);
    }

    internal void Rebuilt()
    {
        Interlocked.Increment(ref _rebuilds);
        s_rebuilds.Add(1);
    }
}
