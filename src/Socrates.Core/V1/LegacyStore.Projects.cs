namespace Socrates.Core.V1;

public sealed partial class LegacyStore
{
    /// <summary>
    /// <c>INSERT OR REPLACE INTO projects</c>: the pickled dict plus created_at/updated_at taken from
    /// the dict (Python isoformat), or the injected clock's local now when the dict lacks them.
    /// </summary>
    public Task SaveProjectAsync(string projectId, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(projectId);
        ArgumentNullException.ThrowIfNull(data);
        var now = Now();
        return SaveAsync(V1Schema.Projects, projectId,
        [
            ("project_id", projectId),
            ("data", Pickle(V1Schema.Projects, projectId, data)),
            ("created_at", PyIsoFormat.Column(data, "created_at") ?? now),
            ("updated_at", PyIsoFormat.Column(data, "updated_at") ?? now),
        ], cancellationToken);
    }

    /// <summary>The project's dict, or null when there is no such row.</summary>
    public Task<Dictionary<string, object?>?> LoadProjectAsync(string projectId, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.Projects, projectId, cancellationToken);

    /// <summary>
    /// V1's <c>get_user_projects</c>: reads and unpickles EVERY project row, then keeps, in rowid
    /// order, those the user can see: owner == username, or username listed in
    /// <c>collaborators</c> (the pre-team field) or in <c>team_members[*].username</c>. The
    /// Python app's later versions checked owner and team membership, earlier ones owner and
    /// collaborators; the union is what a user of either version saw. Archived projects are
    /// included (archival was a flag in the blob, filtered by the caller).
    /// </summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetUserProjectsAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        var all = await LoadManyAsync(V1Schema.Projects, null, null, cancellationToken);
        return all.Where(project => IsVisibleTo(project, username)).ToList();
    }

    /// <summary>Every project, unpickled, in rowid order.</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetAllProjectsAsync(CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.Projects, null, null, cancellationToken);

    /// <summary>Deletes the project row (notes and documents stay, as in V1: no cascade); false when absent.</summary>
    public Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.Projects, projectId, cancellationToken);

    private static bool IsVisibleTo(Dictionary<string, object?> project, string username)
    {
        if (project.TryGetValue("owner", out var owner) && owner is string o && o == username)
        {
            return true;
        }

        if (project.TryGetValue("collaborators", out var collaborators) && collaborators is List<object?> names
            && names.Any(n => n is string s && s == username))
        {
            return true;
        }

        return project.TryGetValue("team_members", out var members) && members is List<object?> team
            && team.Any(m => m is Dictionary<string, object?> member
                && member.TryGetValue("username", out var name) && name is string s && s == username);
    }
}
