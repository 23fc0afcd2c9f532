using Socrates.Core.V2;

namespace Socrates.Core.Tests.V2;

/// <summary>A V2 database in its own temporary folder, deleted afterwards.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _directory;

    private TestDatabase(string directory, AsyncProjectDatabase database)
    {
        _directory = directory;
        Database = database;
    }

    public AsyncProjectDatabase Database { get; }

    public string Path => Database.Options.DatabasePath;

    public static async Task<TestDatabase> CreateAsync(Action<AsyncDatabaseOptions>? configure = null)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "socrates-v2-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new AsyncDatabaseOptions
        {
            DatabasePath = System.IO.Path.Combine(directory, "v2.db"),
            Synchronous = SynchronousMode.Normal,
        };
        configure?.Invoke(options);
        var database = await AsyncProjectDatabase.OpenAsync(options);
        return new TestDatabase(directory, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by SQLite on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
