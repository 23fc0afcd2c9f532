namespace Socrates.Core.V2.Errors;

/// <summary>All pooled connections stayed busy for the whole wait bound: the caller should back off.</summary>
public sealed class DatabaseOverloadedException(string operation, string? key, int poolSize, TimeSpan waited)
    : DatabaseException(DatabaseErrorCode.Overloaded, operation, key,
        $"All {poolSize} pooled connections stayed in use for '{waited}'; the database is overloaded.")
{
    public int PoolSize { get; } = poolSize;

    public TimeSpan Waited { get; } = waited;
}
