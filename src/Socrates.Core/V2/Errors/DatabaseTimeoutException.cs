namespace Socrates.Core.V2.Errors;

/// <summary>The operation did not complete within its timeout; nothing of it was committed.</summary>
public sealed class DatabaseTimeoutException(string operation, string? key, TimeSpan timeout, Exception? inner = null)
    : DatabaseException(DatabaseErrorCode.Timeout, operation, key,
        $"The operation didn't complete within the allowed timeout of '{timeout}'.", inner)
{
    public TimeSpan Timeout { get; } = timeout;
}
