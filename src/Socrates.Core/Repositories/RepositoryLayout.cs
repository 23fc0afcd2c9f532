using Socrates.Core.V2;

namespace Socrates.Core.Repositories;

/// <summary>Which store serves reads in a layout/>.</summary>
public enum ProjectStore
{
    /// <summary>V1: pickled blobs through <see cref="V1ProjectRepository"/>.</summary>
    V1,

    /// <summary>V2: the normalized schema through <see cref="V2ProjectRepository"/>.</summary>
    V2,
}

/// <summary>
/// What a flag combination builds, as data (testable without databases): the serving store, its
/// layers, the dual-run shadow, and how the V2 database offloads its work.
/// </summary>
/// <param name="Primary">The store whose answers are served and which is written first.</param>
/// <param name="Cached">The primary is wrapped in a <see cref="CachedProjectRepository"/>.</param>
/// <param name="LazyMessages">The V2 primary loads projects without messages.</param>
/// <param name="Shadow">The dual-run shadow store, or null when dual-run is off.</param>
/// <param name="Offloading">How the V2 database should be opened (AsyncDatabase: always off the caller's thread).</param>
public sealed record RepositoryLayout(ProjectStore Primary, bool Cached, bool LazyMessages, ProjectStore? Shadow, WorkOffloading Offloading)
{
    /// <summary>True when either side needs the V2 database.</summary>
    public bool NeedsV2 => Primary == ProjectStore.V2 || Shadow == ProjectStore.V2;

    /// <summary>The layers from the outside in, e.g. <c>dual-run(shadow V1) > cache > V2(lazy)</c>.</summary>
    public override string ToString()
    {
        var layers = new List<string>();
        if (Shadow is { } shadow)
        {
            layers.Add($"dual-run(shadow {shadow})");
        }

        if (Cached)
        {
            layers.Add("cache");
        }

        layers.Add(Primary == ProjectStore.V2 && LazyMessages ? "V2(lazy)" : Primary.ToString());
        return string.Join(" > ", layers) + $" [offloading {Offloading}]";
    }
}
