namespace Socrates.Core.V2;

/// <summary>
/// Settings of <see cref="AsyncProjectDatabase"/>; checked by <see cref="AsyncDatabaseOptionsValidator"/>
/// when the database opens.
/// </summary>
public sealed class AsyncDatabaseOptions
{
    /// <summary>Path of the SQLite file (created if missing). WAL needs a real file, not :memory:.</summary>
    public string DatabasePath { get; set; } = "socrates-v2.db";

    /// <summary>Connections in the pool: the most operations running at once. Default max(2, cores).</summary>
    public int PoolSize { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a caller waits for a free connection before <see cref="Errors.DatabaseOverloadedException"/>.</summary>
    public TimeSpan PoolWaitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole operation's budget (pool wait included) before <see cref="Errors.DatabaseTimeoutException"/>.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SQLite's busy_timeout: how long a writer waits for the write lock inside SQLite.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>PRAGMA synchronous</c>. Default <see cref="SynchronousMode.Full"/>: in WAL mode it fsyncs
    /// the log on every commit, so an acknowledged write survives power loss (NORMAL survives an
    /// application crash but may lose the last commits on power loss). WAL+FULL still syncs once
    /// per commit, fewer than V1's rollback journal did.
    /// </summary>
    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Full;

    /// <summary>Where the synchronous SQLite work runs (see <see cref="WorkOffloading"/>).</summary>
    public WorkOffloading Offloading { get; set; } = WorkOffloading.Auto;

    /// <summary>Longest identifier (project id, username, note id...).</summary>
    public int MaxIdLength { get; set; } = 100;

    /// <summary>Longest project name.</summary>
    public int MaxNameLength { get; set; } = 200;

    /// <summary>Longest free text field (description, goals, list item, note content...).</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>Longest conversation message content.</summary>
    public int MaxMessageLength { get; set; } = 200_000;

    /// <summary>Longest knowledge document content.</summary>
    public int MaxDocumentLength { get; set; } = 10_000_000;

    /// <summary>Largest serialised free-form dict/list field (characters of JSON).</summary>
    public int MaxJsonLength { get; set; } = 5_000_000;

    /// <summary>Most items in one list field (requirements, messages, team members...).</summary>
    public int MaxListItems { get; set; } = 100_000;

    /// <summary>Largest page of messages or usage records one call returns.</summary>
    public int MaxPageSize { get; set; } = 10_000;

    /// <summary>Operations slower than this are kept in the monitor's slow list.</summary>
    public TimeSpan SlowOperationThreshold { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Latency samples kept per operation for percentiles (a sliding window).</summary>
    public int LatencySamplesPerOperation { get; set; } = 4096;

    /// <summary>Slow operations kept (the most recent).</summary>
    public int SlowOperationsKept { get; set; } = 256;
}
