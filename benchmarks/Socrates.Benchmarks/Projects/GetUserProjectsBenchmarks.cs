using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Socrates.Benchmarks.Fixtures;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;

namespace Socrates.Benchmarks.Projects;

/// <summary>
/// A user's projects among 1,000 (20 owners, ~50 each, default shape, fixed seed): V1 reads and
/// unpickles every row and filters by owner/collaborator/team member, mapping the matches
/// (baseline); V2 asks its owner and collaborator indexes. Owners are visited in turn.
/// The setup also measures the two database files holding this same data and writes the metric
/// <c>bench.v2_file_size_ratio</c> (V2 bytes / V1 bytes, after a WAL checkpoint).
/// </summary>
public class GetUserProjectsBenchmarks
{
    public const int ProjectCount = 1000;
    public const int OwnerCount = 20;

    private TempDirectory? _directory;
    private LegacyStore? _v1;
    private AsyncProjectDatabase? _v2;
    private int _next;
    private string[] _projectIds = [];

    [GlobalSetup]
    public void Setup() => Blocking.Run(SetupAsync);

    private async Task SetupAsync()
    {
        _directory = new TempDirectory("user-projects");
        var generator = new SocratesDataGenerator(Stores.Seed);
        var projects = Enumerable.Range(0, ProjectCount).Select(i => generator.Project(Owner(i % OwnerCount))).ToList();
        var v1Path = _directory.File("v1.db");
        var v2Path = _directory.File("v2.db");
        _v1 = await Stores.OpenV1Async(v1Path);
        Stores.BulkInsertV1(v1Path, projects);
        // Setup writes need no fsync per save; reads are the same under either mode.
        _v2 = await Stores.OpenV2Async(v2Path, synchronous: SynchronousMode.Normal);
        await Stores.SaveAllV2Async(_v2, projects);
        _projectIds = [.. projects.Select(p => p.ProjectId)];
        WriteFileSizeRatio(v1Path, v2Path);
    }

    [GlobalCleanup]
    public void Cleanup() => Blocking.Run(CleanupAsync);

    private async Task CleanupAsync()
    {
        if (_v2 is not null)
        {
            await _v2.DisposeAsync();
        }

        _directory?.Dispose();
    }

    /// <summary>Before: V1's get_user_projects, a full scan with unpickling, then mapping the matches.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> V1FullScan()
    {
        var dicts = await _v1!.GetUserProjectsAsync(NextOwner(), CancellationToken.None);
        return dicts.Select(ProjectContextDict.FromDict).Sum(p => p.Name.Length);
    }

    /// <summary>After: the indexed query (archived included, as V1 returned them).</summary>
    [Benchmark]
    public async Task<int> V2Indexed()
    {
        var projects = await _v2!.GetUserProjectsAsync(NextOwner(), includeArchived: true);
        return projects.Sum(p => p.Name.Length);
    }

    /// <summary>
    /// The user selection alone (the owner/collaborator subquery GetUserProjects runs, counted, no
    /// rows loaded): where the owner index is the whole cost, so its regression check sees a
    /// dropped index that the full query's per-project loading would hide.
    /// </summary>
    /// <summary>
    /// Not a BenchmarkDotNet benchmark: the paired user-selection pair's reference, a V2 call of the
    /// same machinery (validation, pool lease, monitor) that seeks the primary key and no owner index.
    /// </summary>
    public Task<bool> V2ExistsById() => _v2!.ExistsProjectAsync(_projectIds[_next++ % _projectIds.Length]);

    [Benchmark]
    public Task<long> V2CountIndexed() => _v2!.CountUserProjectsAsync(NextOwner(), includeArchived: true);

    /// <summary>The calibration workload, measured next to the queries (regression normalisation).</summary>
    [Benchmark]
    public ulong Reference() => Socrates.Benchmarks.Reference.FixedWorkload.Run(2);

    private static string Owner(int i) => "owner-" + i.ToString("D2", CultureInfo.InvariantCulture);

    private string NextOwner()
    {
        _next = (_next + 1) % OwnerCount;
        return Owner(_next);
    }

    private static void WriteFileSizeRatio(string v1Path, string v2Path)
    {
        // Fold the WAL into the main file so the main file holds all of V2's data.
        using (var connection = new SqliteConnection($"Data Source={v2Path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var v1Bytes = new FileInfo(v1Path).Length;
        var v2Bytes = new FileInfo(v2Path).Length + WalBytes(v2Path);
        var ratio = (double)v2Bytes / v1Bytes;
        var evidence = MetricsWriter.WriteEvidence("benchmarks", "bench-file-size.json", new
        {
            projects = ProjectCount,
            owners = OwnerCount,
            seed = Stores.Seed,
            v1Bytes,
            v2Bytes,
            ratio,
        });
        MetricsWriter.Write("benchmarks", "bench.v2_file_size_ratio", ratio, "x", evidence);
    }

    private static long WalBytes(string path)
    {
        var wal = new FileInfo(path + "-wal");
        return wal.Exists ? wal.Length : 0;
    }
}
