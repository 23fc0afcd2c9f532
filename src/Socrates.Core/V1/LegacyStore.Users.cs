namespace Socrates.Core.V1;

public sealed partial class LegacyStore
{
    /// <summary><c>INSERT OR REPLACE INTO users</c>: passcode_hash and created_at copied out of the dict into their columns.</summary>
    public Task SaveUserAsync(string username, IReadOnlyDictionary<string, object?> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(data);
        return SaveAsync(V1Schema.Users, username,
        [
            ("username", username),
            ("passcode_hash", data.TryGetValue("passcode_hash", out var hash) ? hash as string : null),
            ("data", Pickle(V1Schema.Users, username, data)),
            ("created_at", PyIsoFormat.Column(data, "created_at") ?? Now()),
        ], cancellationToken);
    }

    public Task<Dictionary<string, object?>?> LoadUserAsync(string username, CancellationToken cancellationToken) =>
        LoadAsync(V1Schema.Users, username, cancellationToken);

    public async Task<IReadOnlyList<Dictionary<string, object?>>> GetAllUsersAsync(CancellationToken cancellationToken) =>
        await LoadManyAsync(V1Schema.Users, null, null, cancellationToken);

    public Task<bool> DeleteUserAsync(string username, CancellationToken cancellationToken) =>
        DeleteAsync(V1Schema.Users, username, cancellationToken);
}
