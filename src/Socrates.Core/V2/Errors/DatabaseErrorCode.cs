namespace Socrates.Core.V2.Errors;

/// <summary>What kind of failure a <see cref="DatabaseException"/> reports.</summary>
public enum DatabaseErrorCode
{
    /// <summary>An SQLite error none of the others describe (carries SQLite's code).</summary>
    Sqlite,

    /// <summary>Input failed validation before any SQL ran.</summary>
    Validation,

    /// <summary>A UNIQUE, FOREIGN KEY, CHECK or NOT NULL constraint rejected the write.</summary>
    ConstraintViolation,

    /// <summary>An optimistic-concurrency check failed (stale version).</summary>
    ConcurrencyConflict,

    /// <summary>The operation did not finish within its timeout.</summary>
    Timeout,

    /// <summary>No pooled connection became free within the wait bound (backpressure).</summary>
    Overloaded,

    /// <summary>SQLite stayed busy/locked beyond busy_timeout.</summary>
    Busy,

    /// <summary>The stored schema is newer than this code or not ours.</summary>
    SchemaMismatch,

    /// <summary>Stored data could not be read back into the domain (corrupt JSON, bad enum).</summary>
    CorruptData,

    /// <summary>The write committed but an event observer threw.</summary>
    ObserverFailed,
}
