namespace Socrates.Core.Migration.Errors;

/// <summary>
/// Base of every migration error: a <see cref="MigrationErrorCode"/> and the context that
/// explains it (table, version, path...), so a failed run says what and where without a log.
/// </summary>
public class MigrationException : Exception
{
    public MigrationException(MigrationErrorCode code, string message, IReadOnlyDictionary<string, string>? context = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Context = context ?? new Dictionary<string, string>();
    }

    public MigrationException()
        : this(MigrationErrorCode.CopyFailed, "The migration failed.")
    {
    }

    public MigrationException(string message)
        : this(MigrationErrorCode.CopyFailed, message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : this(MigrationErrorCode.CopyFailed, message, null, innerException)
    {
    }

    public MigrationErrorCode Code { get; }

    public IReadOnlyDictionary<string, string> Context { get; }
}
