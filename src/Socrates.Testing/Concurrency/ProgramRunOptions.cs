namespace Socrates.Testing.Concurrency;

/// <summary>How a <see cref="ConcurrentProgram"/> is run and checked.</summary>
public sealed record ProgramRunOptions
{
    /// <summary>The default: a 4-connection pool, 10 s operation timeout, 10 s checker budget.</summary>
    public static ProgramRunOptions Default { get; } = new();

    /// <summary>Connections in the database's pool.</summary>
    public int PoolSize { get; init; } = 4;

    /// <summary>The database's own per-operation timeout (a timed-out step is recorded as indeterminate).</summary>
    public TimeSpan OperationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The linearizability checker's budget per history (spent: Unknown).</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Entries the cache over the database may hold.</summary>
    public int CacheEntries { get; init; } = 8;

    /// <summary>Conflicts a cache write retries (re-reading the version) before it gives up (recorded as failed).</summary>
    public int CacheWriteRetries { get; init; } = 50;
}
