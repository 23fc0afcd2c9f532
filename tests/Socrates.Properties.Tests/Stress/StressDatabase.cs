using Socrates.Core.Domain;
using Socrates.Core.V2;

namespace Socrates.Properties.Tests.Stress;

/// <summary>A V2 database on a temporary file for one stress test; the directory goes with it.</summary>
internal sealed class StressDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private StressDatabase(DirectoryInfo directory, AsyncProjectDatabase database)
    {
        _directory = directory;
        Database = database;
    }

    public AsyncProjectDatabase Database { get; }

    public string Path => Database.Options.DatabasePath;

    public static async Task<StressDatabase> CreateAsync(Action<AsyncDatabaseOptions>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("socrates-stress-");
        var options = new AsyncDatabaseOptions
        {
            DatabasePath = System.IO.Path.Combine(directory.FullName, "v2.db"),
            PoolSize = 4,
            Synchronous = SynchronousMode.Normal,
        };
        configure?.Invoke(options);
        return new StressDatabase(directory, await AsyncProjectDatabase.OpenAsync(options));
    }

    public static ProjectContext Project(string id, string value) => new()
    {
        ProjectId = id,
        Name = "stress " + id,
        Owner = "stress-owner",
        Description = value,
        CreatedAt = new DateTime(2025, 1, 1),
        UpdatedAt = new DateTime(2025, 1, 1),
        ConversationHistoryLoaded = false,
    };

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: harmless.
        }
    }
}
