using Socrates.Core.Failpoints;

namespace Socrates.Core.Search.Faults;

/// <summary>
/// The canaries of the IVF index and its manager, as the three values they ask about: how many
/// lists a query probes, what an incremental update leaves, and which calibration builds the
/// default probes. Off (one field read each), every value is the index's own.
/// </summary>
internal static class IvfFaults
{
    /// <summary><paramref name="requested"/>, or 1 under <see cref="SearchFailpoints.ForceProbesOne"/>.</summary>
    public static int Probes(int requested) => Failpoint.IsActive(SearchFailpoints.ForceProbesOne) ? 1 : requested;

    /// <summary>
    /// <paramref name="index"/> with <paramref name="change"/> applied, or unchanged under
    /// <see cref="SearchFailpoints.DropIndexUpdate"/> (the store changes, the index does not).
    /// </summary>
    public static IvfIndex? Updated<TChange>(IvfIndex? index, TChange change, Func<IvfIndex, TChange, IvfIndex> apply) =>
        index is not null && !Failpoint.IsActive(SearchFailpoints.DropIndexUpdate) ? apply(index, change) : index;

    /// <summary>
    /// Under <see cref="SearchFailpoints.CalibrateOnDocuments"/>, the calibration on whole indexed
    /// rows (ignoring the query log); null when off, and the index calibrates as it should.
    /// </summary>
    public static ProbeCalibrationResult? CalibrationOnDocuments(IvfIndex index, VectorBlock all, double target, IvfOptions options) =>
        Failpoint.IsActive(SearchFailpoints.CalibrateOnDocuments)
            ? ProbeCalibration.FromIndexSample(index, all, target, options.CalibrationQueries, options.Seed, naive: true)
            : null;
}
