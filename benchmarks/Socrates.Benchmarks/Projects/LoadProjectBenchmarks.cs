using BenchmarkDotNet.Attributes;
using Socrates.Benchmarks.Fixtures;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Benchmarks.Projects;

/// <summary>
/// Loading one project of 500 messages (ProjectShape.Heavy, fixed seed): V1 reads the row,
/// unpickles the blob and maps the dict to a <see cref="ProjectContext"/> (baseline); V2 loads
/// the metadata only (lazy: messages are paged on demand), or everything with every field and
/// every message read. MemoryDiagnoser's bytes per operation are the memory-per-load evidence.
/// </summary>
/// <remarks>
/// Each benchmark runs <see cref="LoadsPerInvoke"/> loads on a thread-pool thread, the way a
/// server's request handler calls its data layer: V2's default offloading then does the work on
/// that thread, and the hop to the pool and back is shared by the loads. Called from
/// BenchmarkDotNet's own thread instead, every V2 load pays two context switches, which makes
/// the lazy load bimodal (195 or 300 µs in one run) and its speed-up bound 4.7-9x from run to run,
/// against 15-21x on the server path (docs/benchmarks.md, "Which thread calls"). The paired suite calls the single loads
/// (<see cref="V1LoadOnce"/>, ...) from a pool thread itself.
/// </remarks>
public class LoadProjectBenchmarks
{
    /// <summary>Loads per benchmark invocation (BenchmarkDotNet reports per load).</summary>
    public const int LoadsPerInvoke = 8;

    private TempDirectory? _directory;
    private LegacyStore? _v1;
    private AsyncProjectDatabase? _v2;
    private RawPointLoad? _floor;
    private string _projectId = string.Empty;

    [GlobalSetup]
    public void Setup() => Blocking.Run(SetupAsync);

    private async Task SetupAsync()
    {
        _directory = new TempDirectory("load");
        var generator = new SocratesDataGenerator(Stores.Seed);
        var project = generator.Project("owner-00", ProjectShape.Heavy);
        _projectId = project.ProjectId;
        _v1 = await Stores.OpenV1Async(_directory.File("v1.db"));
        Stores.BulkInsertV1(_directory.File("v1.db"), [project]);
        _v2 = await Stores.OpenV2Async(_directory.File("v2.db"));
        await Stores.SaveAllV2Async(_v2, [project]);
        _floor = new RawPointLoad(_directory.File("v2.db"), _v2.Options.BusyTimeout);
        await _floor.VerifyAsync(_v2, _projectId);
    }

    [GlobalCleanup]
    public void Cleanup() => Blocking.Run(CleanupAsync);

    private async Task CleanupAsync()
    {
        _floor?.Dispose();
        if (_v2 is not null)
        {
            await _v2.DisposeAsync();
        }

        _directory?.Dispose();
    }

    /// <summary>Before: read, unpickle, map (what V1's load_project did).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = LoadsPerInvoke)]
    public Task<long> V1Load() => OnPool(V1LoadOnce);

    /// <summary>After, lazy: metadata and child lists in one statement, no messages.</summary>
    [Benchmark(OperationsPerInvoke = LoadsPerInvoke)]
    public Task<long> V2LazyLoad() => OnPool(V2LazyLoadOnce);

    /// <summary>After, full: every field and all 500 messages, each one read.</summary>
    [Benchmark(OperationsPerInvoke = LoadsPerInvoke)]
    public Task<long> V2FullLoad() => OnPool(V2FullLoadOnce);

    /// <summary>
    /// The floor of <see cref="V2LazyLoad"/>: the same row read into the same record by one prepared
    /// statement on one open connection (<see cref="RawPointLoad"/>); V2's overhead is the ratio.
    /// </summary>
    [Benchmark(OperationsPerInvoke = LoadsPerInvoke)]
    public Task<long> PointLoadFloor() => OnPool(() => Task.FromResult(PointLoadFloorOnce()));

    /// <summary>One V1 load: read, unpickle, map.</summary>
    public async Task<long> V1LoadOnce()
    {
        var dict = await _v1!.LoadProjectAsync(_projectId, CancellationToken.None)
                   ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V1.");
        return Touch.All(ProjectContextDict.FromDict(dict));
    }

    /// <summary>One V2 metadata-only load.</summary>
    public async Task<long> V2LazyLoadOnce()
    {
        var project = await _v2!.LoadProjectAsync(_projectId, ProjectLoad.Metadata)
                      ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V2.");
        return Touch.Metadata(project);
    }

    /// <summary>One V2 full load, every field and message read.</summary>
    public async Task<long> V2FullLoadOnce()
    {
        var project = await _v2!.LoadProjectAsync(_projectId, ProjectLoad.Full)
                      ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V2.");
        return Touch.All(project);
    }

    /// <summary>One load through the floor's prepared statement.</summary>
    public long PointLoadFloorOnce() => Touch.Metadata(_floor!.Load(_projectId)
        ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from the floor."));

    private static Task<long> OnPool(Func<Task<long>> load) => Task.Run(async () =>
    {
        long touched = 0;
        for (var i = 0; i < LoadsPerInvoke; i++)
        {
            touched += await load();
        }

        return touched;
    });

    /// <summary>The calibration workload, measured next to the loads (regression normalisation).</summary>
    [Benchmark]
    public ulong Reference() => Socrates.Benchmarks.Reference.FixedWorkload.Run(2);
}
