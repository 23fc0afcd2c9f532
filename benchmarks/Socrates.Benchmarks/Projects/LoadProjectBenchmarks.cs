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
public class LoadProjectBenchmarks
{
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
    [Benchmark(Baseline = true)]
    public async Task<long> V1Load()
    {
        var dict = await _v1!.LoadProjectAsync(_projectId, CancellationToken.None)
                   ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V1.");
        return Touch.All(ProjectContextDict.FromDict(dict));
    }

    /// <summary>After, lazy: metadata and child lists in one statement, no messages.</summary>
    [Benchmark]
    public async Task<long> V2LazyLoad()
    {
        var project = await _v2!.LoadProjectAsync(_projectId, ProjectLoad.Metadata)
                      ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V2.");
        return Touch.Metadata(project);
    }

    /// <summary>After, full: every field and all 500 messages, each one read.</summary>
    [Benchmark]
    public async Task<long> V2FullLoad()
    {
        var project = await _v2!.LoadProjectAsync(_projectId, ProjectLoad.Full)
                      ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from V2.");
        return Touch.All(project);
    }

    /// <summary>
    /// The floor of <see cref="V2LazyLoad"/>: the same row read into the same record by one prepared
    /// statement on one open connection (<see cref="RawPointLoad"/>); V2's overhead is the ratio.
    /// </summary>
    [Benchmark]
    public long PointLoadFloor() => Touch.Metadata(_floor!.Load(_projectId)
        ?? throw new InvalidOperationException($"Project '{_projectId}' is missing from the floor."));

    /// <summary>The calibration workload, measured next to the loads (regression normalisation).</summary>
    [Benchmark]
    public ulong Reference() => Socrates.Benchmarks.Reference.FixedWorkload.Run(2);
}
