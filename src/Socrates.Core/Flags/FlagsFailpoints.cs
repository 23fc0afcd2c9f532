using Socrates.Core.Failpoints;

namespace Socrates.Core.Flags;

/// <summary>Canaries of the feature-flag validation.</summary>
[FailpointCatalog]
public static class FlagsFailpoints
{
    /// <summary>The validator finds nothing wrong: unsafe combinations start up (the flags gate goes red).</summary>
    public const string ValidatorAcceptsAll = "flags.validator.accept-all";

    /// <summary>
    /// The binder is as lenient as the framework's: an unknown key or a value other than true/false
    /// is skipped and the flag keeps its default (a misspelt flag starts up unnoticed).
    /// </summary>
    public const string BinderLenient = "flags.binder.lenient";
}
