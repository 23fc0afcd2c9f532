namespace Socrates.Core.V2.Errors;

/// <summary>
/// Base of every V2 database failure: a <see cref="Code"/>, the public <see cref="Operation"/>
/// that failed and the <see cref="Key"/> (project id, username...) it was working on.
/// </summary>
public class DatabaseException : Exception
{
    public DatabaseException(DatabaseErrorCode code, string operation, string? key, string message, Exception? inner = null)
        : base($"{operation}{(key is null ? "" : $" [{key}]")}: {message}", inner)
    {
        Code = code;
        Operation = operation;
        Key = key;
    }

    public DatabaseErrorCode Code { get; }

    public string Operation { get; }

    public string? Key { get; }

    /// <summary>SQLite's result code when the failure came from SQLite, else null.</summary>
    public int? SqliteErrorCode { get; init; }
}
