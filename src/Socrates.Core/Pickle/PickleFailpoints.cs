using Socrates.Core.Failpoints;

namespace Socrates.Core.Pickle;

/// <summary>Canaries of the pickle codec.</summary>
[FailpointCatalog]
public static class PickleFailpoints
{
    /// <summary>
    /// The decoder drops the microseconds of every datetime: the defect the round-trip gate
    /// (<c>pickle.roundtrip_failures</c>) exists to catch.
    /// </summary>
    public const string DecodeDropMicroseconds = "pickle.decode.drop-microseconds";

    /// <summary>
    /// The decoder resolves any GLOBAL instead of refusing what is outside the allow-list, and
    /// REDUCE "calls" it (yielding a marker string): the defect the hostile-input gate
    /// (<c>pickle.hostile_inputs_rejected_rate</c>) exists to catch.
    /// </summary>
    public const string DecodeSkipGlobalAllowList = "pickle.decode.skip-global-allowlist";
}
