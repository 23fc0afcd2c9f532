using Socrates.Core.Failpoints;

namespace Socrates.Core.Pickle.Faults;

/// <summary>
/// The canaries of the pickle decoder, as the three answers the decoder asks for: whether the
/// fast key walker may answer (no: a canary lives in the full decoder), how a global outside the
/// allow-list is taken, and the microseconds a datetime keeps. Off, each is one field read and
/// the decoder's own answer stands.
/// </summary>
internal static class PickleFaults
{
    /// <summary>True while a decoder canary is on: the walker leaves the verdict to the full decoder, where the canaries are.</summary>
    public static bool WalkerSteppedAside =>
        Failpoint.IsActive(PickleFailpoints.DecodeSkipGlobalAllowList) || Failpoint.IsActive(PickleFailpoints.DecodeDropMicroseconds);

    /// <summary>True under <see cref="PickleFailpoints.DecodeSkipGlobalAllowList"/>: a global outside the allow-list is accepted, unchecked.</summary>
    public static bool AcceptsAnyGlobal => Failpoint.IsActive(PickleFailpoints.DecodeSkipGlobalAllowList);

    /// <summary><paramref name="microsecond"/>, or 0 under <see cref="PickleFailpoints.DecodeDropMicroseconds"/>.</summary>
    public static int Microseconds(int microsecond) =>
        Failpoint.IsActive(PickleFailpoints.DecodeDropMicroseconds) ? 0 : microsecond;
}
