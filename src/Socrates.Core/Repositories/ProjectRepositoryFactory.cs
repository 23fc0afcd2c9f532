using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Socrates.Core.DualRun;
using Socrates.Core.Flags;
using Socrates.Core.V1;
using Socrates.Core.V2;

namespace Socrates.Core.Repositories;

/// <summary>
/// Builds the project repository a validated flag combination asks for. The flags are checked by
/// <see cref="FlagsValidator"/> against the schema state BEFORE anything is built: an unsafe
/// combination throws <see cref="FlagConfigurationException"/> and no repository exists.
/// </summary>
/// <remarks>
/// The mapping (<see cref="Describe"/>):
/// <list type="bullet">
/// <item><c>V2Reads</c> off: V1 serves and is written first; on: V2 serves.</item>
/// <item><c>Caching</c>: the serving store is wrapped in a <see cref="CachedProjectRepository"/>
/// (over V1 too, when V1 serves: the cache is store-agnostic).</item>
/// <item><c>LazyLoading</c> (needs <c>V2Reads</c>): the V2 store loads projects without messages.</item>
/// <item><c>DualRun</c>: a <see cref="DualRunProjectRepository"/> over the serving stack, with the
/// other store, uncached and loading everything, as the shadow (a shadow must read the database).</item>
/// <item><c>AsyncDatabase</c>: the V2 database is to be opened with
/// <see cref="WorkOffloading.Always"/> (never run SQLite work on the caller's thread); off:
/// <see cref="WorkOffloading.Auto"/>. The database is opened by the caller, so this is reported
/// in <see cref="RepositoryLayout.Offloading"/> and checked against the database given.</item>
/// </list>
/// </remarks>
public sealed class ProjectRepositoryFactory(ISchemaState schema, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
{
    private readonly ISchemaState _schema = schema ?? throw new ArgumentNullException(nameof(schema));
    private readonly ILoggerFactory _loggers = loggerFactory ?? NullLoggerFactory.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>The stack <paramref name="flags"/> select; throws <see cref="FlagConfigurationException"/> when they are unsafe.</summary>
    public RepositoryLayout Describe(SocratesFlags flags)
    {
        FlagsValidator.Validate(flags, _schema);
        var primary = flags.V2Reads ? ProjectStore.V2 : ProjectStore.V1;
        ProjectStore? shadow = flags.DualRun ? (primary == ProjectStore.V1 ? ProjectStore.V2 : ProjectStore.V1) : null;
        return new RepositoryLayout(primary, flags.Caching, flags.LazyLoading, shadow,
            flags.AsyncDatabase ? WorkOffloading.Always : WorkOffloading.Auto);
    }

    /// <summary>
    /// Builds the repository for <paramref name="flags"/> over the given stores.
    /// <paramref name="v2"/> is required when the stack needs V2, and must have been opened with
    /// the offloading the flags ask for.
    /// </summary>
    public IProjectRepository Create(SocratesFlags flags, LegacyStore v1, AsyncProjectDatabase? v2, CachedProjectRepositoryOptions? cacheOptions = null)
    {
        ArgumentNullException.ThrowIfNull(v1);
        var stack = Describe(flags);
        if (stack.NeedsV2)
        {
            if (v2 is null)
            {
                throw new ArgumentException($"The flags select '{stack}', which needs the V2 database, and none was given.", nameof(v2));
            }

            if (v2.Options.Offloading != stack.Offloading)
            {
                throw new ArgumentException(
                    $"The flags select offloading '{stack.Offloading}' (AsyncDatabase={flags.AsyncDatabase}) but the V2 database was opened with '{v2.Options.Offloading}'.",
                    nameof(v2));
            }
        }

        IProjectRepository serving = stack.Primary == ProjectStore.V2
            ? new V2ProjectRepository(v2!, stack.LazyMessages)
            : new V1ProjectRepository(v1, _time);
        if (stack.Cached)
        {
            serving = new CachedProjectRepository(serving, cacheOptions);
        }

        if (stack.Shadow is { } shadow)
        {
            IProjectRepository shadowRepository = shadow == ProjectStore.V2
                ? new V2ProjectRepository(v2!, lazyMessages: false)
                : new V1ProjectRepository(v1, _time);
            serving = new DualRunProjectRepository(serving, shadowRepository, _loggers.CreateLogger<DualRunProjectRepository>());
        }

        return serving;
    }
}
