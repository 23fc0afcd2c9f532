using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;
using Socrates.Core.Flags;
using Socrates.Core.Repositories;
using Socrates.Core.V2;

namespace Socrates.Core.Tests.Repositories;

/// <summary>Every flag combination maps to the right repository graph; unsafe ones are refused before anything is built.</summary>
[Trait("Category", "Unit")]
public sealed class ProjectRepositoryFactoryTests
{
    /// <summary>All 2^5 combinations of the five flags.</summary>
    public static IEnumerable<SocratesFlags> AllCombinations() =>
        Enumerable.Range(0, 32).Select(bits => new SocratesFlags
        {
            Caching = (bits & 1) != 0,
            LazyLoading = (bits & 2) != 0,
            AsyncDatabase = (bits & 4) != 0,
            V2Reads = (bits & 8) != 0,
            DualRun = (bits & 16) != 0,
        });

    [Fact]
    public async Task Create_EveryValidCombination_BuildsTheStackItsFlagsName()
    {
        await using var auto = await RepositoryTestStores.CreateAsync(WorkOffloading.Auto);
        await using var always = await RepositoryTestStores.CreateAsync(WorkOffloading.Always);
        var factory = new ProjectRepositoryFactory(new KnownSchemaState(IsV2SchemaMigrated: true));
        var built = 0;
        foreach (var flags in AllCombinations())
        {
            var name = string.Join("+", flags.Enabled());
            if (flags.LazyLoading && !flags.V2Reads)
            {
                Assert.Throws<FlagConfigurationException>(() => factory.Create(flags, auto.V1, auto.V2));
                continue;
            }

            var stores = flags.AsyncDatabase ? always : auto;
            var repository = factory.Create(flags, stores.V1, stores.V2);
            built++;

            var serving = repository;
            if (flags.DualRun)
            {
                var dual = Assert.IsType<DualRunProjectRepository>(repository);
                serving = dual.Primary;
                if (flags.V2Reads)
                {
                    Assert.IsType<V1ProjectRepository>(dual.Shadow);
                }
                else
                {
                    Assert.False(Assert.IsType<V2ProjectRepository>(dual.Shadow).LazyMessages, name);
                }
            }

            if (flags.Caching)
            {
                serving = Assert.IsType<CachedProjectRepository>(serving).Inner;
            }

            if (flags.V2Reads)
            {
                Assert.Equal(flags.LazyLoading, Assert.IsType<V2ProjectRepository>(serving).LazyMessages);
            }
            else
            {
                Assert.IsType<V1ProjectRepository>(serving);
            }

            var layout = factory.Describe(flags);
            Assert.Equal(flags.AsyncDatabase ? WorkOffloading.Always : WorkOffloading.Auto, layout.Offloading);
            Assert.Equal(flags.DualRun || flags.V2Reads, layout.NeedsV2);
        }

        Assert.Equal(24, built);
    }

    [Fact]
    public async Task Create_V2SchemaNotMigrated_RefusesV2ReadsAndDualRunBeforeBuilding()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var factory = new ProjectRepositoryFactory(new KnownSchemaState(IsV2SchemaMigrated: false));
        var refused = 0;
        foreach (var flags in AllCombinations())
        {
            var unsafeCombination = flags.V2Reads || flags.DualRun || flags.LazyLoading;
            if (unsafeCombination)
            {
                // No V2 database is given: a FlagConfigurationException (not an ArgumentException
                // about the missing database) proves validation ran before construction.
                var error = Assert.Throws<FlagConfigurationException>(() => factory.Create(flags, stores.V1, v2: null));
                Assert.Equal(FlagErrorCode.UnsafeCombination, error.Code);
                refused++;
            }
            else
            {
                Assert.NotNull(factory.Create(flags, stores.V1, v2: null));
            }
        }

        Assert.Equal(28, refused);
    }

    [Fact]
    public async Task Create_OffloadingDiffersFromAsyncDatabaseFlag_Refused()
    {
        await using var stores = await RepositoryTestStores.CreateAsync(WorkOffloading.Auto);
        var factory = new ProjectRepositoryFactory(new KnownSchemaState(true));

        var error = Assert.Throws<ArgumentException>(() => factory.Create(new SocratesFlags { V2Reads = true, AsyncDatabase = true }, stores.V1, stores.V2));

        Assert.Contains("Always", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ValidatorAcceptAllCanary_UnsafeCombinationIsBuilt()
    {
        await using var stores = await RepositoryTestStores.CreateAsync();
        var factory = new ProjectRepositoryFactory(new KnownSchemaState(true));
        var lazyOnV1 = new SocratesFlags { LazyLoading = true };

        using (Failpoint.Enable(FlagsFailpoints.ValidatorAcceptsAll))
        {
            Assert.IsType<V1ProjectRepository>(factory.Create(lazyOnV1, stores.V1, stores.V2));
        }

        Assert.Throws<FlagConfigurationException>(() => factory.Create(lazyOnV1, stores.V1, stores.V2));
    }

    [Fact]
    public void Describe_DualRunWithV2Reads_V2ServesAndV1Shadows()
    {
        var factory = new ProjectRepositoryFactory(new KnownSchemaState(true));

        var layout = factory.Describe(new SocratesFlags { V2Reads = true, DualRun = true, Caching = true, LazyLoading = true });

        Assert.Equal(ProjectStore.V2, layout.Primary);
        Assert.Equal(ProjectStore.V1, layout.Shadow);
        Assert.Equal("dual-run(shadow V1) > cache > V2(lazy) [offloading Auto]", layout.ToString());
    }
}
