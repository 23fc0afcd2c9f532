namespace Socrates.Core.Migration.Restore;

/// <summary>A restore that was refused: what is wrong, with which file. Nothing was written under the destination's name.</summary>
public sealed class RestoreException : Exception
{
    public RestoreException(RestoreErrorCode code, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Path = path;
    }

    public RestoreException()
        : this(RestoreErrorCode.BackupMissing, string.Empty, "The restore was refused.")
    {
    }

    public RestoreException(string message)
        : this(RestoreErrorCode.BackupMissing, string.Empty, message)
    {
    }

    public RestoreException(string message, Exception innerException)
        : this(RestoreErrorCode.BackupMissing, string.Empty, message, innerException)
    {
    }

    public RestoreErrorCode Code { get; }

    /// <summary>The file the refusal is about (the backup, its manifest or the destination).</summary>
    public string Path { get; }
}
