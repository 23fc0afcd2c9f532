namespace Socrates.Core.Migration.Errors;

/// <summary>The target database cannot be written; detected before anything is attempted.</summary>
public sealed class TargetReadOnlyException(string target)
    : MigrationException(
        MigrationErrorCode.TargetReadOnly,
        $"Target database '{target}' is read-only; the migration wrote nothing.",
        new Dictionary<string, string> { ["target"] = target })
{
    public string Target { get; } = target;
}
