using Microsoft.Data.Sqlite;
using Socrates.Core.Domain;
using Socrates.Core.Failpoints;
using Socrates.Core.V2.Errors;
using Socrates.Core.V2.Rows;

namespace Socrates.Core.V2;

public sealed partial class AsyncProjectDatabase
{
    private const string ProjectEntity = "project";

    // The repositories' contract order for project lists: created_at, then project id ordinal.
    private static readonly Comparison<ProjectContext> s_contractOrder = static (a, b) =>
    {
        var byTime = a.CreatedAt.CompareTo(b.CreatedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.ProjectId, b.ProjectId);
    };

    // Canary only (v2.locks.reverse-order): save and delete take these two locks in opposite orders.
    private readonly LockOrderCanary _lockOrderCanary = new();

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
        {
            using var canary = Failpoint.IsActive(V2Failpoints.LocksReverseOrder) ? _lockOrderCanary.AcquireForSave(token) : null;
            return InWriteTransaction(c, token, tx =>
        {
            var p = project!;
            var actual = c.Command(ProjectSql.Version, tx).With("$id", p.ProjectId).ExecuteScalar() as long? ?? 0;
            if (actual != expected && !Failpoint.IsActive(V2Failpoints.SaveSkipVersionCheck))
            {
                throw new ConcurrencyConflictException(nameof(SaveProjectAsync), p.ProjectId, expected, actual);
            }

            var next = actual + 1;
            var main = c.Command(actual == 0 ? ProjectSql.Insert : ProjectSql.Update, tx);
            ProjectRows.BindMain(main, p, next);
            main.ExecuteNonQuery();
            WriteChildren(c, tx, p, json!, replaceMessages: p.ConversationHistoryLoaded || actual == 0, token);
            return next;
        });
        }, cancellationToken, validate: () =>
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
        RunAsync(projectId, (c, token) =>
        {
            if (load == ProjectLoad.Metadata && Failpoint.IsActive(V2Failpoints.ReadsExclusiveLock))
            {
                // Canary (v2.reads.exclusive-lock): the read takes the writer lock, so reads queue behind writes.
                return InWriteTransaction(c, token, tx =>
                {
                    using var locked = c.Command(ProjectSql.LoadOne, tx).With("$id", projectId).ExecuteReader();
                    return ProjectRows.Read(locked).SingleOrDefault();
                });
            }

            // Canary v2.load.eager-history: lazy loading silently off (every load reads the history).
            if (load == ProjectLoad.Metadata && !Failpoint.IsActive(V2Failpoints.LoadEagerHistory))
            {
                // Canary v2.load.delay: a slower lazy load (the regression gate's defect).
                if (Failpoint.IsActive(V2Failpoints.LoadDelay))
                {
                    V2Failpoints.SpinLoadDelay();
                }

                // One statement: a consistent snapshot on its own, no transaction needed.
                using var reader = c.Command(ProjectSql.LoadOne).With("$id", projectId).ExecuteReader();
                return ProjectRows.Read(reader).SingleOrDefault();
            }

            return InReadTransaction(c, token, tx =>
            {
                ProjectContext? project;
                using (var reader = c.Command(ProjectSql.LoadOne, tx).With("$id", projectId).ExecuteReader())
                {
                    project = ProjectRows.Read(reader).SingleOrDefault();
                }

                if (project is not null)
                {
                    token.ThrowIfCancellationRequested();
                    // Canary v2.load.history-reread: the history read again and again (redundant queries).
                    for (var i = 0; i < V2Failpoints.HistoryRereads && Failpoint.IsActive(V2Failpoints.LoadHistoryReread); i++)
                    {
                        ReadMessages(c.Command(MessageSql.All, tx).With("$id", projectId));
                    }

                    project.ConversationHistory = ReadMessages(c.Command(MessageSql.All, tx).With("$id", projectId));
                    project.ConversationHistoryLoaded = true;
                }

                return project;
            });
        }, cancellationToken, validate: () =>
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
        {
            using var canary = Failpoint.IsActive(V2Failpoints.LocksReverseOrder) ? _lockOrderCanary.AcquireForDelete(token) : null;
            return InWriteTransaction(c, token, tx => c.Command(ProjectSql.Delete, tx).With("$id", projectId).ExecuteNonQuery() > 0);
        },
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
        RunAsync(username, (c, _) =>
        {
            List<ProjectContext> projects;
            // Canary v2.user-projects.filter-in-memory: every project read, the user's picked in memory.
            if (Failpoint.IsActive(V2Failpoints.UserProjectsFilterInMemory))
            {
                using var all = c.Command(ProjectSql.Select + "ORDER BY p.created_at, p.project_id;").ExecuteReader();
                var visible = ProjectRows.Read(all)
                    .Where(p => (p.Owner == username || p.Collaborators.Contains(username) || p.TeamMembers.Exists(t => t.Username == username))
                        && (includeArchived || !p.IsArchived))
                    .ToList();
                visible.Sort(s_contractOrder);
                return visible;
            }

            using (var reader = c.Command(ProjectSql.LoadForUser).With("$user", username).WithBool("$all", includeArchived).ExecuteReader())
            {
                projects = ProjectRows.Read(reader);
            }

            // SQLite orders TEXT by UTF-8 bytes, .NET's ordinal by UTF-16 code units: they disagree
            // when an id mixes supplementary characters with U+E000..U+FFFF. The SQL order is right
            // for every other id, so this sort almost always finds the list already in order.
            projects.Sort(s_contractOrder);

            // Canary v2.load.eager-history: the N+1 defect, every listed project's history read too.
            if (Failpoint.IsActive(V2Failpoints.LoadEagerHistory))
            {
                foreach (var project in projects)
                {
                    project.ConversationHistory = ReadMessages(c.Command(MessageSql.All).With("$id", project.ProjectId));
                    project.ConversationHistoryLoaded = true;
                }
            }

            return projects;
        }, cancellationToken, () => _validate.Identifier(nameof(GetUserProjectsAsync), "username", username));

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

    private static void WriteChildren(Pooling.PooledConnection c, SqliteTransaction tx, ProjectContext p, ProjectJson json, bool replaceMessages, CancellationToken token)
    {
        var id = p.ProjectId;
        var details = c.Command(ProjectSql.UpsertDetails, tx);
        ProjectRows.BindDetails(details, p, json);
        details.ExecuteNonQuery();
        c.Command(ProjectSql.DeleteChildren, tx).With("$id", id).ExecuteNonQuery();
        InsertValues(c, tx, ProjectSql.InsertRequirement, id, p.Requirements);
        InsertValues(c, tx, ProjectSql.InsertTech, id, p.TechStack);
        InsertValues(c, tx, ProjectSql.InsertConstraint, id, p.Constraints);
        InsertValues(c, tx, ProjectSql.InsertCollaborator, id, p.Collaborators);
        for (var i = 0; i < p.TeamMembers.Count; i++)
        {
            var m = p.TeamMembers[i];
            c.Command(ProjectSql.InsertTeamMember, tx).With("$id", id).With("$position", (long)i).With("$username", m.Username)
                .With("$role", m.Role).With("$skills_json", SqlValues.StringsJson(m.Skills)).WithTime("$joined_at", m.JoinedAt)
                .WithJson("$extras_json", m.Extras).ExecuteNonQuery();
        }

        var position = 0L;
        foreach (var (phase, score) in p.PhaseMaturityScores)
        {
            c.Command(ProjectSql.InsertPhaseScore, tx).With("$id", id).With("$position", position++).With("$phase", phase).With("$score", score).ExecuteNonQuery();
        }

        position = 0L;
        foreach (var (phase, scores) in p.CategoryScores)
        {
            foreach (var (category, score) in scores)
            {
                c.Command(ProjectSql.InsertCategoryScore, tx).With("$id", id).With("$position", position++).With("$phase", phase)
                    .With("$category", category).With("$score", score).ExecuteNonQuery();
            }
        }

        if (replaceMessages)
        {
            token.ThrowIfCancellationRequested();
            c.Command(ProjectSql.DeleteMessages, tx).With("$id", id).ExecuteNonQuery();
            for (var i = 0; i < p.ConversationHistory.Count; i++)
            {
                var insert = c.Command(MessageSql.Insert, tx);
                ProjectRows.BindMessage(insert, id, i, p.ConversationHistory[i]);
                insert.ExecuteNonQuery();
            }
        }
    }

    private static void InsertValues(Pooling.PooledConnection c, SqliteTransaction tx, string sql, string id, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            c.Command(sql, tx).With("$id", id).With("$position", (long)i).With("$value", values[i]).ExecuteNonQuery();
        }
    }

    private static List<ConversationMessage> ReadMessages(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return MessageRows.ReadAll(reader);
    }
}
