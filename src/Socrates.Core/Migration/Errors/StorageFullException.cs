namespace Socrates.Core.Migration.Errors;

/// <summary>
/// The target ran out of space while writing a batch. The batch was rolled back; everything up
/// to <see cref="LastCommittedKey"/> is committed and a later run resumes from there.
/// </summary>
public sealed class StorageFullException(string job, int batch, object? lastCommittedKey, Exception inner)
    : MigrationException(
        MigrationErrorCode.StorageFull,
        $"Copy '{job}' ran out of space in batch {batch}; the batch was rolled back and the last committed key is '{lastCommittedKey ?? "(none)"}'. Free space and run again to resume.",
        new Dictionary<string, string> { ["job"] = job, ["batch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lastCommittedKey"] = lastCommittedKey?.ToString() ?? string.Empty },
        inner)
{
    public string Job { get; } = job;

    public int Batch { get; } = batch;

    public object? LastCommittedKey { get; } = lastCommittedKey;
}
