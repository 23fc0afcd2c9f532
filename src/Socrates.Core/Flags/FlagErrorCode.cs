namespace Socrates.Core.Flags;

/// <summary>Why a flag configuration was refused.</summary>
public enum FlagErrorCode
{
    /// <summary>A name under <c>Socrates:Flags</c> that is not a flag (a typo would otherwise be silently ignored).</summary>
    UnknownFlag,

    /// <summary>A value that is not <c>true</c> or <c>false</c>.</summary>
    InvalidValue,

    /// <summary>A flag that is on while something it depends on is not.</summary>
    UnsafeCombination,
}
