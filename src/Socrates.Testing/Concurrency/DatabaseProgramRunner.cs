using System.Collections.Concurrent;
using Socrates.Core.Caching;
using Socrates.Core.Domain;
using Socrates.Core.V2;
using Socrates.Core.V2.Errors;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// The Jepsen "client": runs a <see cref="ConcurrentProgram"/> against a real
/// <see cref="AsyncProjectDatabase"/> on a fresh temporary SQLite file and a
/// <see cref="CachedRepository{TKey,TValue}"/> over it, records every step's invocation and
/// completion, then checks both histories.
/// <para>Recording: a typed <see cref="ConcurrencyConflictException"/> completes with a Conflict
/// answer (checked by the model); <see cref="DatabaseTimeoutException"/> is indeterminate (may
/// or may not have committed); <see cref="DatabaseOverloadedException"/> and a Busy error are
/// failed (no connection / no write lock: nothing was applied); anything else is indeterminate
/// and listed in <see cref="ProgramRunResult.UnexpectedErrors"/>.</para>
/// </summary>
public static class DatabaseProgramRunner
{
    /// <summary>Runs and checks <paramref name="program"/> once.</summary>
    public static async Task<ProgramRunResult> RunAsync(ConcurrentProgram program, ProgramRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= ProgramRunOptions.Default;
        var directory = Directory.CreateTempSubdirectory("socrates-concurrency-");
        try
        {
            var clock = new LogicalClock();
            var run = new Run(new HistoryRecorder<ProjectCall, ProjectAnswer>(clock), new HistoryRecorder<KeyValueInput, string?>(clock), options);
            await using (var database = await AsyncProjectDatabase.OpenAsync(new AsyncDatabaseOptions
            {
                DatabasePath = Path.Combine(directory.FullName, "v2.db"),
                PoolSize = options.PoolSize,
                OperationTimeout = options.OperationTimeout,
                PoolWaitTimeout = options.OperationTimeout,
                Synchronous = SynchronousMode.Normal,
            }, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                run.Attach(database);
                await run.SequenceAsync(0, program.Prefix, cancellationToken).ConfigureAwait(false);
                using var start = new SemaphoreSlim(0, Math.Max(1, program.Clients.Count));
                var clients = program.Clients.Select((steps, i) => Task.Run(async () =>
                {
                    await start.WaitAsync(cancellationToken).ConfigureAwait(false);
                    await run.SequenceAsync(i + 1, steps, cancellationToken).ConfigureAwait(false);
                }, cancellationToken)).ToArray();
                if (clients.Length > 0)
                {
                    start.Release(clients.Length);
                }

                await Task.WhenAll(clients).ConfigureAwait(false);
                await run.SequenceAsync(program.Clients.Count + 1, program.Suffix, cancellationToken).ConfigureAwait(false);
            }

            var check = new CheckOptions { Timeout = options.CheckTimeout };
            return new ProgramRunResult(
                LinearizabilityChecker.Check(new ProjectModel(), run.Database.ToHistory(), check, cancellationToken),
                LinearizabilityChecker.Check(new KeyValueModel(), run.Cache.ToHistory(), check, cancellationToken),
                [.. run.Unexpected]);
        }
        finally
        {
            TryDelete(directory);
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless; the verdict is what matters.
        }
    }

    private sealed class Run(HistoryRecorder<ProjectCall, ProjectAnswer> database, HistoryRecorder<KeyValueInput, string?> cache, ProgramRunOptions options)
    {
        private AsyncProjectDatabase? _db;
        private CachedRepository<string, CachedProject>? _repository;

        public HistoryRecorder<ProjectCall, ProjectAnswer> Database { get; } = database;

        public HistoryRecorder<KeyValueInput, string?> Cache { get; } = cache;

        public ConcurrentQueue<string> Unexpected { get; } = new();

        private AsyncProjectDatabase Db => _db!;

        public void Attach(AsyncProjectDatabase db)
        {
            _db = db;
            var bounded = new BoundedCache<string, CachedProject>(new BoundedCacheOptions<string, CachedProject>
            {
                MaxEntries = options.CacheEntries,
                TimeToLive = TimeSpan.FromHours(1),
            });
            _repository = new CachedRepository<string, CachedProject>(bounded, async (key, ct) =>
            {
                var project = await db.LoadProjectAsync(key, ProjectLoad.Metadata, ct).ConfigureAwait(false);
                return project is null ? null : new CachedProject(project.Description ?? string.Empty);
            });
        }

        public async Task SequenceAsync(int client, IReadOnlyList<ProgramOperation> steps, CancellationToken token)
        {
            foreach (var step in steps)
            {
                if (step.IsCacheStep)
                {
                    await CacheStepAsync(client, step, token).ConfigureAwait(false);
                }
                else if (step.Kind == ProgramOperationKind.Update)
                {
                    var loaded = await DatabaseStepAsync(client, new ProjectCall(ProgramOperationKind.Load, step.ProjectId), token).ConfigureAwait(false);
                    var expected = loaded?.Kind == ProjectAnswerKind.Loaded ? loaded.Number : 0;
                    await DatabaseStepAsync(client, new ProjectCall(ProgramOperationKind.Save, step.ProjectId, expected, step.Argument), token).ConfigureAwait(false);
                }
                else
                {
                    await DatabaseStepAsync(client, new ProjectCall(step.Kind, step.ProjectId, step.ExpectedVersion, step.Argument), token).ConfigureAwait(false);
                }
            }
        }

        private async Task<ProjectAnswer?> DatabaseStepAsync(int client, ProjectCall call, CancellationToken token)
        {
            var op = Database.Invoke(client, call);
            try
            {
                var answer = await ExecuteAsync(call, token).ConfigureAwait(false);
                Database.Complete(op, answer);
                return answer;
            }
            catch (ConcurrencyConflictException)
            {
                var conflict = new ProjectAnswer(ProjectAnswerKind.Conflict);
                Database.Complete(op, conflict);
                return conflict;
            }
            catch (Exception error) when (Record(op, error, Database))
            {
                return null;
            }
        }

        private async Task<ProjectAnswer> ExecuteAsync(ProjectCall call, CancellationToken token)
        {
            switch (call.Kind)
            {
                case ProgramOperationKind.Save:
                    var version = await Db.SaveProjectAsync(NewProject(call.ProjectId, call.Argument), call.ExpectedVersion, token).ConfigureAwait(false);
                    return new ProjectAnswer(ProjectAnswerKind.Saved, version);
                case ProgramOperationKind.Load:
                    var project = await Db.LoadProjectAsync(call.ProjectId, ProjectLoad.Metadata, token).ConfigureAwait(false);
                    return project is null
                        ? new ProjectAnswer(ProjectAnswerKind.NotFound)
                        : new ProjectAnswer(ProjectAnswerKind.Loaded, project.Version, project.Description);
                case ProgramOperationKind.Delete:
                    return new ProjectAnswer(await Db.DeleteProjectAsync(call.ProjectId, token).ConfigureAwait(false) ? ProjectAnswerKind.Done : ProjectAnswerKind.NotFound);
                case ProgramOperationKind.AddCollaborator:
                    return new ProjectAnswer(await Db.AddCollaboratorToProjectAsync(call.ProjectId, call.Argument, token).ConfigureAwait(false) ? ProjectAnswerKind.Done : ProjectAnswerKind.Unchanged);
                case ProgramOperationKind.RemoveCollaborator:
                    return new ProjectAnswer(await Db.RemoveCollaboratorFromProjectAsync(call.ProjectId, call.Argument, token).ConfigureAwait(false) ? ProjectAnswerKind.Done : ProjectAnswerKind.Unchanged);
                case ProgramOperationKind.AppendMessage:
                    var message = new ConversationMessage { Role = "user", Content = call.Argument, Timestamp = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified) };
                    var position = await Db.AppendMessageAsync(call.ProjectId, message, token).ConfigureAwait(false);
                    return position is { } at ? new ProjectAnswer(ProjectAnswerKind.Position, at) : new ProjectAnswer(ProjectAnswerKind.NotFound);
                case ProgramOperationKind.CountMessages:
                    return new ProjectAnswer(ProjectAnswerKind.Count, await Db.CountProjectMessagesAsync(call.ProjectId, token).ConfigureAwait(false));
                default:
                    throw new ArgumentException($"'{call.Kind}' is not a database step.", nameof(call));
            }
        }

        private async Task CacheStepAsync(int client, ProgramOperation step, CancellationToken token)
        {
            var key = step.CacheKey;
            if (step.Kind == ProgramOperationKind.CacheInvalidate)
            {
                _repository!.Cache.Invalidate(key);
                return;
            }

            if (step.Kind == ProgramOperationKind.CacheRead)
            {
                var read = Cache.Invoke(client, KeyValueInput.Get(key));
                try
                {
                    var value = await _repository!.ReadAsync(key, token).ConfigureAwait(false);
                    Cache.Complete(read, value?.Value);
                }
                catch (Exception error) when (Record(read, error, Cache))
                {
                }

                return;
            }

            var write = Cache.Invoke(client, KeyValueInput.Put(key, step.Argument));
            try
            {
                var written = await _repository!.WriteAsync(key, ct => PutAsync(key, step.Argument, ct), token).ConfigureAwait(false);
                if (written)
                {
                    Cache.Complete(write, null);
                }
                else
                {
                    Cache.Fail(write);
                }
            }
            catch (Exception error) when (Record(write, error, Cache))
            {
            }
        }

        /// <summary>An unconditional put built from versioned saves: re-read the version, save, retry on conflict.</summary>
        private async Task<bool> PutAsync(string key, string value, CancellationToken token)
        {
            for (var attempt = 0; attempt <= options.CacheWriteRetries; attempt++)
            {
                var version = await Db.GetProjectVersionAsync(key, token).ConfigureAwait(false) ?? 0;
                try
                {
                    await Db.SaveProjectAsync(NewProject(key, value), version, token).ConfigureAwait(false);
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    // Another writer got in between: read the new version and try again.
                }
            }

            return false;
        }

        /// <summary>Records a failure: failed when surely not applied, indeterminate otherwise. Always true (used as a filter).</summary>
        private bool Record<TIn, TOut>(PendingOperation<TIn> op, Exception error, HistoryRecorder<TIn, TOut> recorder)
        {
            switch (error)
            {
                case DatabaseOverloadedException:
                case DatabaseException { Code: DatabaseErrorCode.Busy }:
                    recorder.Fail(op);
                    break;
                case DatabaseTimeoutException:
                    recorder.Indeterminate(op);
                    break;
                default:
                    recorder.Indeterminate(op);
                    Unexpected.Enqueue($"{op.Input}: {error.GetType().Name}: {error.Message}");
                    break;
            }

            return true;
        }

        private static ProjectContext NewProject(string id, string value) => new()
        {
            ProjectId = id,
            Name = "concurrency " + id,
            Owner = "tester",
            Description = value,
            CreatedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            UpdatedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            ConversationHistoryLoaded = false,
        };
    }

    private sealed record CachedProject(string Value);
}
