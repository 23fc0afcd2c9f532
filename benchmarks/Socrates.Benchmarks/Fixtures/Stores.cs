using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Pickle;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Benchmarks.Fixtures;

/// <summary>
/// Builds the "before" (V1 LegacyStore, pickled blobs) and "after" (V2 AsyncProjectDatabase)
/// databases the benchmarks compare, holding the same generated projects.
/// </summary>
public static class Stores
{
    /// <summary>The seed of every benchmark dataset: the same data in every run.</summary>
    public const int Seed = 20_261_122;

    /// <summary>A V1 store on <paramref name="path"/> with its nine tables created (pooled connections, as the app's sqlite3 reused one).</summary>
    public static async Task<LegacyStore> OpenV1Async(string path)
    {
        var store = new LegacyStore(new LegacyStoreOptions { ConnectionString = $"Data Source={path}" });
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    /// <summary>
    /// Writes <paramref name="projects"/> as V1 rows exactly as <see cref="LegacyStore.SaveProjectAsync"/>
    /// does (pickled dict, created/updated as isoformat text), but in one transaction: setup speed only.
    /// </summary>
    public static void BulkInsertV1(string path, IEnumerable<ProjectContext> projects)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR REPLACE INTO projects (project_id, data, created_at, updated_at) VALUES ($id, $data, $created, $updated);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var data = insert.Parameters.Add("$data", SqliteType.Blob);
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        var updated = insert.Parameters.Add("$updated", SqliteType.Text);
        foreach (var project in projects)
        {
            var dict = SocratesDataGenerator.V1ProjectDict(project);
            id.Value = project.ProjectId;
            data.Value = PickleEncoder.Encode(dict);
            created.Value = IsoFormat(project.CreatedAt);
            updated.Value = IsoFormat(project.UpdatedAt);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    // Python's datetime.isoformat() with microseconds (the benchmarks never read these columns).
    private static string IsoFormat(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A V2 database on <paramref name="path"/> (created if needed).</summary>
    public static Task<AsyncProjectDatabase> OpenV2Async(string path, int poolSize = 2, SynchronousMode synchronous = SynchronousMode.Full) =>
        AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions
        {
            DatabasePath = path,
            PoolSize = poolSize,
            Synchronous = synchronous,
        });

    /// <summary>Saves every project as a new V2 project (version 1).</summary>
    public static async Task SaveAllV2Async(AsyncProjectDatabase database, IEnumerable<ProjectContext> projects)
    {
        foreach (var project in projects)
        {
            await database.SaveProjectAsync(project, expectedVersion: null);
        }
    }
}
