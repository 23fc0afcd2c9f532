using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Values;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    private const string UserEntity = "user";

    /// <summary>Inserts or replaces a user and their ordered project list, in one transaction.</summary>
    public async Task SaveUserAsync(User user, CancellationToken cancellationToken = default)
    {
        string? extras = null;
        await RunAsync(user?.Username, (c, token) => InWriteTransaction(c, token, tx =>
        {
            var u = user!;
            c.Command(UserSql.Upsert, tx)
                .With("$username", u.Username).With("$email", u.Email).With("$passcode_hash", u.PasscodeHash)
                .WithTime("$created_at", u.CreatedAt).WithBool("$is_archived", u.IsArchived).WithTime("$archived_at", u.ArchivedAt)
                .With("$subscription_tier", u.SubscriptionTier).With("$subscription_status", u.SubscriptionStatus)
                .WithTime("$subscription_start", u.SubscriptionStart).WithTime("$subscription_end", u.SubscriptionEnd)
                .With("$questions_used_this_month", u.QuestionsUsedThisMonth).WithTime("$usage_reset_date", u.UsageResetDate)
                .WithBool("$testing_mode", u.TestingMode).With("$claude_auth_method", u.ClaudeAuthMethod)
                .With("$extras_json", extras).ExecuteNonQuery();
            c.Command(UserSql.DeleteProjects, tx).With("$username", u.Username).ExecuteNonQuery();
            for (var i = 0; i < u.Projects.Count; i++)
            {
                c.Command(UserSql.InsertProject, tx).With("$username", u.Username).With("$position", (long)i).With("$project_id", u.Projects[i]).ExecuteNonQuery();
            }

            return true;
        }), cancellationToken, () =>
        {
            const string op = nameof(SaveUserAsync);
            if (user is null)
            {
                throw new Validation.ValidationException(op, null, "user", "is required (null given).");
            }

            _validate.Identifier(op, "username", user.Username);
            _validate.Text(op, user.Username, "email", user.Email, _options.MaxNameLength);
            _validate.Text(op, user.Username, "passcode_hash", user.PasscodeHash, _options.MaxNameLength);
            _validate.IdentifierList(op, user.Username, "projects", user.Projects);
            foreach (var (field, value) in new[] { ("subscription_tier", user.SubscriptionTier), ("subscription_status", user.SubscriptionStatus), ("claude_auth_method", user.ClaudeAuthMethod) })
            {
                _validate.Text(op, user.Username, field, value, _options.MaxNameLength);
            }

            extras = _validate.Json(op, user.Username, "extras", user.Extras);
        }).ConfigureAwait(false);
        OnSaved(nameof(SaveUserAsync), UserEntity, user!.Username);
    }

    /// <summary>A user with their project list, or null.</summary>
    public Task<User?> LoadUserAsync(string username, CancellationToken cancellationToken = default) =>
        RunAsync(username, (c, token) => InReadTransaction(c, token, tx =>
        {
            User? user;
            using (var reader = c.Command(UserSql.Load, tx).With("$username", username).ExecuteReader())
            {
                user = reader.Read() ? ReadUser(reader) : null;
            }

            if (user is not null)
            {
                using var reader = c.Command(UserSql.Projects, tx).With("$username", username).ExecuteReader();
                while (reader.Read())
                {
                    user.Projects.Add(reader.GetString(0));
                }
            }

            return user;
        }), cancellationToken, () => _validate.Identifier(nameof(LoadUserAsync), "username", username));

    /// <summary>Every user (archived ones when asked), by username.</summary>
    public Task<List<User>> GetUsersAsync(bool includeArchived = false, CancellationToken cancellationToken = default) =>
        RunAsync(null, (c, token) => InReadTransaction(c, token, tx =>
        {
            var users = new List<User>();
            var byName = new Dictionary<string, User>(StringComparer.Ordinal);
            using (var reader = c.Command(UserSql.LoadAll, tx).WithBool("$all", includeArchived).ExecuteReader())
            {
                while (reader.Read())
                {
                    var user = ReadUser(reader);
                    users.Add(user);
                    byName[user.Username] = user;
                }
            }

            using (var reader = c.Command(UserSql.AllProjects, tx).WithBool("$all", includeArchived).ExecuteReader())
            {
                while (reader.Read())
                {
                    byName[reader.GetString(0)].Projects.Add(reader.GetString(1));
                }
            }

            return users;
        }), cancellationToken);

    /// <summary>Deletes a user (their project list with them; their projects stay). False when absent.</summary>
    public async Task<bool> DeleteUserAsync(string username, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(username, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(UserSql.Delete, tx).With("$username", username).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteUserAsync), "username", username)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteUserAsync), UserEntity, username);
        }

        return deleted;
    }

    /// <summary>True when the user exists.</summary>
    public Task<bool> ExistsUserAsync(string username, CancellationToken cancellationToken = default) =>
        RunAsync(username, (c, _) => (long)c.Command(UserSql.Exists).With("$username", username).ExecuteScalar()! != 0,
            cancellationToken, () => _validate.Identifier(nameof(ExistsUserAsync), "username", username));

    /// <summary>How many users (archived ones when asked).</summary>
    public Task<long> CountUsersAsync(bool includeArchived = false, CancellationToken cancellationToken = default) =>
        RunAsync(null, (c, _) => (long)c.Command(UserSql.Count).WithBool("$all", includeArchived).ExecuteScalar()!, cancellationToken);

    /// <summary>Archives a user (archived_at = now, UTC naive). False when absent.</summary>
    public async Task<bool> ArchiveUserAsync(string username, CancellationToken cancellationToken = default)
    {
        var now = PyDateTime.Normalize(_time.GetUtcNow().UtcDateTime);
        var done = await RunAsync(username, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(UserSql.Archive, tx).With("$username", username).WithTime("$at", now).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(ArchiveUserAsync), "username", username)).ConfigureAwait(false);
        if (done)
        {
            OnSaved(nameof(ArchiveUserAsync), UserEntity, username);
        }

        return done;
    }

    /// <summary>Restores an archived user. False when absent.</summary>
    public async Task<bool> RestoreUserAsync(string username, CancellationToken cancellationToken = default)
    {
        var done = await RunAsync(username, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(UserSql.Restore, tx).With("$username", username).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(RestoreUserAsync), "username", username)).ConfigureAwait(false);
        if (done)
        {
            OnSaved(nameof(RestoreUserAsync), UserEntity, username);
        }

        return done;
    }

    private static User ReadUser(SqliteDataReader r) => new()
    {
        Username = r.GetString(0),
        Email = r.Text(1),
        PasscodeHash = r.GetString(2),
        CreatedAt = r.RequiredTime(3),
        IsArchived = r.Flag(4),
        ArchivedAt = r.Time(5),
        SubscriptionTier = r.Text(6),
        SubscriptionStatus = r.Text(7),
        SubscriptionStart = r.Time(8),
        SubscriptionEnd = r.Time(9),
        QuestionsUsedThisMonth = r.GetInt64(10),
        UsageResetDate = r.Time(11),
        TestingMode = r.Flag(12),
        ClaudeAuthMethod = r.Text(13),
        Extras = r.JsonDict(14),
    };
}
