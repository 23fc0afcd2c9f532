using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Rows;
using Socrates.Core.V2.Store;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    private const string ProjectEntity = "project";

    /// <summary>
    /// Saves <paramref name="project"/> with all its children in one transaction, if and only if
    /// the stored version is <paramref name="expectedVersion"/> (null or 0: the project must not
    /// exist yet). Returns the new version; a stale version throws
    /// <see cref="ConcurrencyConflictException"/> and writes nothing. When the project was loaded
    /// without its conversation history, the stored messages are kept; otherwise they are
    /// replaced by <see cref="ProjectContext.ConversationHistory"/>.
    /// </summary>
    public async Task<long> SaveProjectAsync(ProjectContext project, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ProjectJson? json = null;
        var expected = expectedVersion ?? 0;
        var version = await RunAsync(project?.ProjectId, (c, token) =>
            InWriteTransaction(c, token, tx => _store.Save(c, tx, project!, json!, expected, token)),
            cancellationToken, validate: () =>
        {
            _validate.Project(nameof(SaveProjectAsync), project);
            if (expected < 0)
            {
                throw new Validation.ValidationException(nameof(SaveProjectAsync), project!.ProjectId, "expectedVersion", $"{expected} is negative.");
            }

            json = SerializeFreeForm(nameof(SaveProjectAsync), project!);
        }).ConfigureAwait(false);

        project!.Version = version;
        OnSaved(nameof(SaveProjectAsync), ProjectEntity, project.ProjectId, version);
        return version;
    }

    /// <summary>
    /// Loads a project, or null. <see cref="ProjectLoad.Metadata"/> (the default) skips the
    /// conversation history (<see cref="ProjectContext.ConversationHistoryLoaded"/> false);
    /// <see cref="ProjectLoad.Full"/> reads it too, in the same snapshot.
    /// </summary>
    public Task<ProjectContext?> LoadProjectAsync(string projectId, ProjectLoad load = ProjectLoad.Metadata, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, token) => load == ProjectLoad.Metadata
            ? _store.LoadMetadata(c, projectId, token)
            : _store.LoadFull(c, projectId, token),
            cancellationToken, validate: () =>
        {
            _validate.Identifier(nameof(LoadProjectAsync), "project_id", projectId);
            if (!Enum.IsDefined(load))
            {
                throw new Validation.ValidationException(nameof(LoadProjectAsync), projectId, "load", $"'{load}' is not a load mode.");
            }
        });

    /// <summary>Deletes a project and everything it owns (lists, messages, notes, documents). False when absent.</summary>
    public async Task<bool> DeleteProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(projectId, (c, token) =>
            InWriteTransaction(c, token, tx => c.Command(ProjectSql.Delete, tx).With("$id", projectId).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(DeleteProjectAsync), "project_id", projectId)).ConfigureAwait(false);
        if (deleted)
        {
            OnDeleted(nameof(DeleteProjectAsync), ProjectEntity, projectId);
        }

        return deleted;
    }

    /// <summary>Marks a project archived (archived_at = now, UTC naive) and bumps its version. False when absent.</summary>
    public async Task<bool> ArchiveProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var now = Domain.Values.PyDateTime.Normalize(_time.GetUtcNow().UtcDateTime);
        var done = await RunAsync(projectId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(ProjectSql.Archive, tx).With("$id", projectId).WithTime("$at", now).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(ArchiveProjectAsync), "project_id", projectId)).ConfigureAwait(false);
        if (done)
        {
            OnSaved(nameof(ArchiveProjectAsync), ProjectEntity, projectId);
        }

        return done;
    }

    /// <summary>Clears the archived flag and archived_at, bumps the version. False when absent.</summary>
    public async Task<bool> RestoreProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        var done = await RunAsync(projectId, (c, token) => InWriteTransaction(c, token, tx =>
            c.Command(ProjectSql.Restore, tx).With("$id", projectId).ExecuteNonQuery() > 0),
            cancellationToken, () => _validate.Identifier(nameof(RestoreProjectAsync), "project_id", projectId)).ConfigureAwait(false);
        if (done)
        {
            OnSaved(nameof(RestoreProjectAsync), ProjectEntity, projectId);
        }

        return done;
    }

    /// <summary>
    /// The projects a user can see (metadata, no messages): V1's rule, the user is the owner, a
    /// listed collaborator or a team member. Ordered by created_at then project id (ordinal, as
    /// V1's repository orders them); archived ones only when <paramref name="includeArchived"/>.
    /// </summary>
    public Task<List<ProjectContext>> GetUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        RunAsync(username, (c, _) => _store.LoadForUser(c, username, includeArchived),
            cancellationToken, () => _validate.Identifier(nameof(GetUserProjectsAsync), "username", username));

    /// <summary>How many projects <see cref="GetUserProjectsAsync"/> would return.</summary>
    public Task<long> CountUserProjectsAsync(string username, bool includeArchived = false, CancellationToken cancellationToken = default) =>
        RunAsync(username, (c, _) =>
            (long)c.Command(ProjectSql.CountForUser).With("$user", username).WithBool("$all", includeArchived).ExecuteScalar()!,
            cancellationToken, () => _validate.Identifier(nameof(CountUserProjectsAsync), "username", username));

    /// <summary>The owner's project with that name (the oldest if several), metadata only; or null.</summary>
    public Task<ProjectContext?> GetProjectByNameAsync(string owner, string name, CancellationToken cancellationToken = default) =>
        RunAsync(owner, (c, token) => InReadTransaction(c, token, tx =>
        {
            if (c.Command(ProjectSql.IdByName, tx).With("$owner", owner).With("$name", name).ExecuteScalar() is not string id)
            {
                return null;
            }

            using var reader = c.Command(ProjectSql.LoadOne, tx).With("$id", id).ExecuteReader();
            return ProjectRows.Read(reader).SingleOrDefault();
        }), cancellationToken, () =>
        {
            _validate.Identifier(nameof(GetProjectByNameAsync), "owner", owner);
            _validate.Name(nameof(GetProjectByNameAsync), owner, "name", name);
        });

    /// <summary>True when the project exists.</summary>
    public Task<bool> ExistsProjectAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) => (long)c.Command(ProjectSql.Exists).With("$id", projectId).ExecuteScalar()! != 0,
            cancellationToken, () => _validate.Identifier(nameof(ExistsProjectAsync), "project_id", projectId));

    /// <summary>The stored version of a project, or null when absent.</summary>
    public Task<long?> GetProjectVersionAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) => c.Command(ProjectSql.Version).With("$id", projectId).ExecuteScalar() as long?,
            cancellationToken, () => _validate.Identifier(nameof(GetProjectVersionAsync), "project_id", projectId));

    /// <summary>
    /// Appends <paramref name="username"/> to the (deprecated) collaborators list and bumps the
    /// version. False when the project is absent or the user is already a collaborator.
    /// </summary>
    public async Task<bool> AddCollaboratorToProjectAsync(string projectId, string username, CancellationToken cancellationToken = default)
    {
        var added = await RunAsync(projectId, (c, token) => InWriteTransaction(c, token, tx =>
        {
            if (c.Command(ProjectSql.BumpVersion, tx).With("$id", projectId).ExecuteNonQuery() == 0
                || (long)c.Command(ProjectSql.HasCollaborator, tx).With("$id", projectId).With("$user", username).ExecuteScalar()! != 0)
            {
                tx.Rollback();
                return false;
            }

            var position = (long)c.Command(ProjectSql.NextCollaboratorPosition, tx).With("$id", projectId).ExecuteScalar()!;
            c.Command(ProjectSql.InsertCollaborator, tx).With("$id", projectId).With("$position", position).With("$value", username).ExecuteNonQuery();
            return true;
        }), cancellationToken, () =>
        {
            _validate.Identifier(nameof(AddCollaboratorToProjectAsync), "project_id", projectId);
            _validate.Identifier(nameof(AddCollaboratorToProjectAsync), "username", username);
        }).ConfigureAwait(false);
        if (added)
        {
            OnSaved(nameof(AddCollaboratorToProjectAsync), ProjectEntity, projectId);
        }

        return added;
    }

    /// <summary>Removes a collaborator (every occurrence) and bumps the version. False when there was none.</summary>
    public async Task<bool> RemoveCollaboratorFromProjectAsync(string projectId, string username, CancellationToken cancellationToken = default)
    {
        var removed = await RunAsync(projectId, (c, token) => InWriteTransaction(c, token, tx =>
        {
            if (c.Command(ProjectSql.RemoveCollaborator, tx).With("$id", projectId).With("$user", username).ExecuteNonQuery() == 0)
            {
                tx.Rollback();
                return false;
            }

            c.Command(ProjectSql.BumpVersion, tx).With("$id", projectId).ExecuteNonQuery();
            return true;
        }), cancellationToken, () =>
        {
            _validate.Identifier(nameof(RemoveCollaboratorFromProjectAsync), "project_id", projectId);
            _validate.Identifier(nameof(RemoveCollaboratorFromProjectAsync), "username", username);
        }).ConfigureAwait(false);
        if (removed)
        {
            OnSaved(nameof(RemoveCollaboratorFromProjectAsync), ProjectEntity, projectId);
        }

        return removed;
    }

    /// <summary>The collaborators in order, or null when the project is absent.</summary>
    public Task<List<string>?> GetProjectCollaboratorsAsync(string projectId, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, token) => InReadTransaction(c, token, tx =>
        {
            if ((long)c.Command(ProjectSql.Exists, tx).With("$id", projectId).ExecuteScalar()! == 0)
            {
                return null;
            }

            var result = new List<string>();
            using var reader = c.Command(ProjectSql.Collaborators, tx).With("$id", projectId).ExecuteReader();
            while (reader.Read())
            {
                result.Add(reader.GetString(0));
            }

            return result;
        }), cancellationToken, () => _validate.Identifier(nameof(GetProjectCollaboratorsAsync), "project_id", projectId));

    /// <summary>True when <paramref name="username"/> is in the project's collaborators.</summary>
    public Task<bool> HasCollaboratorAsync(string projectId, string username, CancellationToken cancellationToken = default) =>
        RunAsync(projectId, (c, _) =>
            (long)c.Command(ProjectSql.HasCollaborator).With("$id", projectId).With("$user", username).ExecuteScalar()! != 0,
            cancellationToken, () =>
            {
                _validate.Identifier(nameof(HasCollaboratorAsync), "project_id", projectId);
                _validate.Identifier(nameof(HasCollaboratorAsync), "username", username);
            });

    private ProjectJson SerializeFreeForm(string operation, ProjectContext p)
    {
        var key = p.ProjectId;
        string? Field(FreeFormField field, string name, Func<object?> value)
        {
            // A field loaded but never read is written back as the very text it was stored as.
            var pending = p.PendingFreeFormJson(field);
            return pending is not null && pending.Length <= _options.MaxJsonLength ? pending : _validate.Json(operation, key, name, value());
        }

        return new ProjectJson(
            Field(FreeFormField.PendingQuestions, "pending_questions", () => p.PendingQuestions)!,
            Field(FreeFormField.Notes, "notes", () => p.Notes)!,
            Field(FreeFormField.CodeHistory, "code_history", () => p.CodeHistory)!,
            Field(FreeFormField.CategorizedSpecs, "categorized_specs", () => p.CategorizedSpecs)!,
            Field(FreeFormField.MaturityHistory, "maturity_history", () => p.MaturityHistory)!,
            Field(FreeFormField.AnalyticsMetrics, "analytics_metrics", () => p.AnalyticsMetrics)!,
            Field(FreeFormField.LlmConfiguration, "llm_configuration", () => p.LlmConfiguration),
            Field(FreeFormField.Extras, "extras", () => p.Extras)!);
    }
}
