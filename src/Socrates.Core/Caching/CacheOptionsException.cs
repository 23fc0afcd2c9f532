namespace Socrates.Core.Caching;

/// <summary>A cache option has a value the cache cannot work with. Names the option and its value.</summary>
public sealed class CacheOptionsException(string option, object? value, string reason)
    : Exception($"Cache option '{option}' has the invalid value '{value ?? "null"}': {reason}")
{
    /// <summary>The option's property name, e.g. <c>MaxEntries</c>.</summary>
    public string Option { get; } = option;

    /// <summary>The rejected value.</summary>
    public object? Value { get; } = value;
}
