using BenchmarkDotNet.Attributes;
using Socrates.Benchmarks.Fixtures;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Benchmarks.Projects;

/// <summary>
/// <see cref="Parallelism"/> lazy loads of different projects started at once, against a V2
/// database whose pool has <see cref="PoolSize"/> connections: with one connection they queue;
/// with as many connections as loads, WAL readers run side by side (on this machine's 2 cores).
/// </summary>
public class ConcurrentReadBenchmarks
{
    public const int Parallelism = 4;

    private TempDirectory? _directory;
    private AsyncProjectDatabase? _v2;
    private string[] _ids = [];

    [Params(1, Parallelism)]
    public int PoolSize { get; set; }

    [GlobalSetup]
    public void Setup() => Blocking.Run(SetupAsync);

    private async Task SetupAsync()
    {
        _directory = new TempDirectory("concurrent");
        var generator = new SocratesDataGenerator(Stores.Seed);
        var projects = Enumerable.Range(0, Parallelism).Select(_ => generator.Project("owner-00")).ToList();
        _ids = [.. projects.Select(p => p.ProjectId)];
        await using (var writer = await Stores.OpenV2Async(_directory.File("v2.db"), synchronous: SynchronousMode.Normal))
        {
            await Stores.SaveAllV2Async(writer, projects);
        }

        _v2 = await Stores.OpenV2Async(_directory.File("v2.db"), PoolSize);
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

    /// <summary>Parallelism loads at once; completes when all have.</summary>
    [Benchmark]
    public async Task<int> ParallelLoads()
    {
        var loads = new Task<Socrates.Core.Domain.ProjectContext?>[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            var id = _ids[i];
            // Task.Run: each load starts on its own pool thread, as concurrent requests would.
            loads[i] = Task.Run(() => _v2!.LoadProjectAsync(id, ProjectLoad.Metadata));
        }

        var projects = await Task.WhenAll(loads);
        return projects.Sum(p => p?.Name.Length ?? throw new InvalidOperationException("A project is missing."));
    }
}
