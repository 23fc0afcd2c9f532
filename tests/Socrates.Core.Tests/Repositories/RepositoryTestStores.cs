using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Socrates.Core.V1;
using Socrates.Core.V2;

namespace Socrates.Core.Tests.Repositories;

/// <summary>A fresh V1 file and a fresh V2 database in one temporary folder, sharing one fake clock.</summary>
internal sealed class RepositoryTestStores : IAsyncDisposable
{
    private readonly string _directory;

    private RepositoryTestStores(string directory, FakeTimeProvider time, LegacyStore v1, AsyncProjectDatabase v2)
    {
        _directory = directory;
        Time = time;
        V1 = v1;
        V2 = v2;
    }

    public FakeTimeProvider Time { get; }

    public LegacyStore V1 { get; }

    public AsyncProjectDatabase V2 { get; }

    public static async Task<RepositoryTestStores> CreateAsync(WorkOffloading offloading = WorkOffloading.Auto)
    {
        var directory = Path.Combine(Path.GetTempPath(), "socrates-repository-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var v1 = new LegacyStore(new LegacyStoreOptions
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "v1.db"), Pooling = false }.ToString(),
        }, time);
        await v1.InitializeAsync(CancellationToken.None);
        var v2 = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions
        {
            DatabasePath = Path.Combine(directory, "v2.db"),
            Synchronous = SynchronousMode.Normal,
            Offloading = offloading,
        }, time);
        return new RepositoryTestStores(directory, time, v1, v2);
    }

    public async ValueTask DisposeAsync()
    {
        await V2.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test's result stands.
        }
    }
}
