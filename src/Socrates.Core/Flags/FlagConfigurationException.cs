namespace Socrates.Core.Flags;

/// <summary>The flag configuration is refused at startup; names the flag, the value and why.</summary>
public sealed class FlagConfigurationException : Exception
{
    public FlagConfigurationException(FlagErrorCode code, string flag, string? value, string reason)
        : base($"Feature flag '{flag}' ({code}): {reason}{(value is null ? string.Empty : $" Value: '{value}'.")}")
    {
        Code = code;
        Flag = flag;
        Value = value;
    }

    public FlagErrorCode Code { get; }

    /// <summary>The flag's name as configured (for an unknown flag, the unknown name).</summary>
    public string Flag { get; }

    public string? Value { get; }
}
