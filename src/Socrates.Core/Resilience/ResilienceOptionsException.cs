namespace Socrates.Core.Resilience;

/// <summary>A resilience option has an invalid value; names the option and its value.</summary>
public sealed class ResilienceOptionsException(string option, object? value, string reason)
    : Exception($"Resilience option '{option}' has the invalid value '{value ?? "null"}': {reason}")
{
    public string Option { get; } = option;

    public object? Value { get; } = value;
}
