using Socrates.Core.Failpoints;

namespace Socrates.Core.Flags;

/// <summary>Canaries of the feature-flag validation.</summary>
[FailpointCatalog]
public static class FlagsFailpoints
{
    /// <summary>The validator finds nothing wrong: unsafe combinations start up (the flags gate goes red).</summary>
    public const string ValidatorAcceptsAll = "flags.validator.accept-all";
}
