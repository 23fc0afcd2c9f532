using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>The pre-flight scan found V1 keys the field map does not account for; nothing was written.</summary>
public sealed class UnmappedKeysException : MigrationException
{
    public UnmappedKeysException(IReadOnlyList<UnmappedKey> keys)
        : base(MigrationErrorCode.InvalidStepDefinition,
            $"The V1 data holds {keys.Count} key(s) the field map neither maps nor drops; nothing was written: " +
            string.Join("; ", keys.Select(k => $"{k.Entity}.{k.Key} in {k.Count} row(s), first ids {string.Join(", ", k.FirstIds)}")))
    {
        Keys = keys;
    }

    public UnmappedKeysException()
        : this([])
    {
    }

    public UnmappedKeysException(string message)
        : base(message)
    {
        Keys = [];
    }

    public UnmappedKeysException(string message, Exception innerException)
        : base(message, innerException)
    {
        Keys = [];
    }

    public IReadOnlyList<UnmappedKey> Keys { get; } = [];
}
