using Socrates.Core.Failpoints;

namespace Socrates.Core.Flags.Faults;

/// <summary>
/// The canaries of the feature flags, at the two points where a bad flag is refused: the
/// binder's rejection of an unknown or malformed flag, and the validator's list of unsafe
/// combinations. Off (one field read), the rejection is thrown and the list reported as found.
/// </summary>
internal static class FlagsFaults
{
    /// <summary>Throws <paramref name="rejection"/>; under <see cref="FlagsFailpoints.BinderLenient"/> the flag is skipped silently.</summary>
    public static void Reject(FlagConfigurationException rejection)
    {
        if (!Failpoint.IsActive(FlagsFailpoints.BinderLenient))
        {
            throw rejection;
        }
    }

    /// <summary><paramref name="violations"/>, or none under <see cref="FlagsFailpoints.ValidatorAcceptsAll"/>.</summary>
    public static IReadOnlyList<FlagViolation> Reported(List<FlagViolation> violations) =>
        Failpoint.IsActive(FlagsFailpoints.ValidatorAcceptsAll) ? [] : violations;
}
