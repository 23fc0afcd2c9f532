using Socrates.Core.V1;

namespace Socrates.Integrity.Tests.Hostile;

/// <summary>Writes rows V2 must refuse into a generated V1 file, as the Python app could have: a valid pickle under a key V2's input rules reject.</summary>
internal static class HostileV1Rows
{
    public static LegacyStore Open(string v1Path) =>
        new(new LegacyStoreOptions { ConnectionString = $"Data Source={v1Path};Pooling=False" });

    /// <summary>A copy of the first project saved under <paramref name="projectId"/> (its blob carries the same id).</summary>
    public static async Task AddProjectAsync(string v1Path, string projectId)
    {
        var store = Open(v1Path);
        var template = (await store.GetAllProjectsAsync(CancellationToken.None))[0];
        var copy = new Dictionary<string, object?>(template, StringComparer.Ordinal) { ["project_id"] = projectId };
        await store.SaveProjectAsync(projectId, copy, CancellationToken.None);
    }

    /// <summary>A copy of the first user saved under <paramref name="username"/>.</summary>
    public static async Task AddUserAsync(string v1Path, string username)
    {
        var store = Open(v1Path);
        var template = (await store.GetAllUsersAsync(CancellationToken.None))[0];
        var copy = new Dictionary<string, object?>(template, StringComparer.Ordinal) { ["username"] = username, ["projects"] = new List<object?>() };
        await store.SaveUserAsync(username, copy, CancellationToken.None);
    }
}
