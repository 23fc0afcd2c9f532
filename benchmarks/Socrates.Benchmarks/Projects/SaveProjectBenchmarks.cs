using BenchmarkDotNet.Attributes;
using Socrates.Benchmarks.Fixtures;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.V1;
using Socrates.Core.V2;
using Socrates.Testing.Generators;

namespace Socrates.Benchmarks.Projects;

/// <summary>
/// Saving the same project (default shape: 12 messages, fixed seed) again and again, each system
/// with its shipped durability: V1 maps to a dict, pickles it and runs INSERT OR REPLACE (rollback
/// journal, synchronous FULL: SQLite's defaults, as the app ran); V2 saves the row and all its
/// children in one transaction (WAL, synchronous FULL) under its optimistic version check: each
/// call passes the version the previous call returned, so every save is a real update.
/// </summary>
public class SaveProjectBenchmarks
{
    private TempDirectory? _directory;
    private LegacyStore? _v1;
    private AsyncProjectDatabase? _v2;
    private ProjectContext? _project;

    [GlobalSetup]
    public void Setup() => Blocking.Run(SetupAsync);

    private async Task SetupAsync()
    {
        _directory = new TempDirectory("save");
        _project = new SocratesDataGenerator(Stores.Seed).Project("owner-00");
        _v1 = await Stores.OpenV1Async(_directory.File("v1.db"));
        _v2 = await Stores.OpenV2Async(_directory.File("v2.db"));
        await _v2.SaveProjectAsync(_project, expectedVersion: null);
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

    /// <summary>Before: asdict + pickle + INSERT OR REPLACE.</summary>
    [Benchmark(Baseline = true)]
    public Task V1Save() => _v1!.SaveProjectAsync(_project!.ProjectId, ProjectContextDict.ToDict(_project), CancellationToken.None);

    /// <summary>After: the project and its children in one transaction, version checked and bumped.</summary>
    [Benchmark]
    public Task<long> V2Save() => _v2!.SaveProjectAsync(_project!, _project!.Version);

    /// <summary>The calibration workload.</summary>
    [Benchmark]
    public ulong Reference() => Socrates.Benchmarks.Reference.FixedWorkload.Run(2);
}
