namespace Socrates.Core.Flags;

/// <summary>One reason a flag configuration is unsafe.</summary>
public sealed record FlagViolation(FlagErrorCode Code, string Flag, string? Value, string Reason)
{
    public FlagConfigurationException ToException() => new(Code, Flag, Value, Reason);

    public override string ToString() => $"{Flag}: {Reason}";
}
