using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Socrates.Core.V1;
using Socrates.Core.V2;

namespace Socrates.Properties.Tests.Flags;

/// <summary>Fresh V1 and V2 databases in one temporary folder, with a fake clock starting at a fixed instant.</summary>
public sealed class WorkloadStores : IAsyncDisposable
{
    private readonly string _directory;

    private WorkloadStores(string directory, FakeTimeProvider time, LegacyStore v1, AsyncProjectDatabase v2)
    {
        _directory = directory;
        Time = time;
        V1 = v1;
        V2 = v2;
    }

    public FakeTimeProvider Time { get; }

    public LegacyStore V1 { get; }

    public AsyncProjectDatabase V2 { get; }

    public static async Task<WorkloadStores> CreateAsync(WorkOffloading offloading)
    {
        // Hundreds of throwaway databases per run: on tmpfs when there is one, so fsyncs cost nothing
        // (durability is not what this suite measures; the answers are).
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var directory = Path.Combine(root, "socrates-workload", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
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
        return new WorkloadStores(directory, time, v1, v2);
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
            // A temp folder left behind is harmless; the result stands.
        }
    }
}
