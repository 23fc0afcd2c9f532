using Socrates.Core.Sql;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Socrates.Core.Domain.Values;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Accounting;
using Socrates.Core.Migration.Backup;
using Socrates.Core.Migration.Catalog;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Progress;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Migration.Runs;
using Socrates.Core.V1;
using Socrates.Core.V2.Schema;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// The V1 -> V2 data migration. In order, each step only after the previous one succeeded:
/// <list type="number">
/// <item>back up the V1 file with the verified online backup (it refuses a corrupt source: integrity_check first);</item>
/// <item>scan every key of every V1 blob against <see cref="V1ToV2FieldMap"/> (an unmapped key stops the run before anything is written; the scan reads alongside the backup, its verdict is taken after the backup's);</item>
/// <item>create / check the target schema through the versioned runner (<see cref="MigrationCatalog.Project"/>: the bookkeeping steps 1-4 and the V2 schema, step 5, each recorded in <c>schema_history</c> with its checksum; a changed, missing or out-of-order step is refused), then WAL and the V2 <c>schema_version</c> row;</item>
/// <item>copy the tables in dependency order through the resumable <see cref="BatchedTableCopier"/>: each batch's rows, rejects and high-water mark commit together;</item>
/// <item>check the books (migrated + rejected = source, per table, counted from the data);</item>
/// <item>run <see cref="V1ToV2Verifier"/>; only when everything is clean is the run marked complete.</item>
/// </list>
/// Any failure: the batch in flight is rolled back, the source is untouched, the run is marked
/// failed, and a <see cref="V1ToV2MigrationException"/> says where and where the backup is. Running
/// again resumes after the last committed batch; running after a completed run changes nothing.
/// Memory is bounded by two batches (the one written and the one read ahead), each within half of
/// <see cref="V1ToV2Options.MemoryBudgetBytes"/>, plus the set of migrated usernames for the owner check.
/// </summary>
public static class V1ToV2Migrator
{
    public static async Task<V1ToV2Summary> MigrateAsync(
        string v1Path, string v2Path, V1ToV2Options? options, IProgress<MigrationProgressSnapshot>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(v1Path);
        ArgumentException.ThrowIfNullOrWhiteSpace(v2Path);
        options = (options ?? new V1ToV2Options()).Validated();
        var time = options.TimeProvider;
        var started = Stopwatch.GetTimestamp();
        var clock = new PhaseClock();
        await V1ToV2Preflight.CheckAsync(v1Path, v2Path, options.BackupDirectory, cancellationToken);

        var stage = V1ToV2Stage.Backup;
        BackupResult? backup = null;
        try
        {
            await using var watch = await SourceWatch.StartAsync(v1Path, cancellationToken);

            // The key scan only reads the source, as the backup does: it runs alongside the backup,
            // and its verdict is taken only once the backup is verified (a corrupt source is the
            // backup's to report). Nothing is written to the target before both have passed.
            using var scanCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var scan = Task.Run(async () =>
            {
                var scanStarted = Stopwatch.GetTimestamp();
                var result = await UnmappedKeyScanner.ScanAsync(v1Path, scanCancel.Token, options.PickleOptions);
                return (result.Unmapped, result.KeysChecked, Elapsed: Stopwatch.GetElapsedTime(scanStarted));
            }, scanCancel.Token);
            var backupStep = Step(progress, "backup");
            var scanStep = Step(progress, "scan-keys");
            try
            {
                backup = await ObtainBackupAsync(v1Path, options, watch, cancellationToken);
                backupStep.Advance(1);
                clock.Lap(nameof(V1ToV2Stage.Backup));
            }
            catch
            {
                await scanCancel.CancelAsync();
                await ((Task)scan).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            if (await watch.ChangedAsync(cancellationToken))
            {
                throw new V1ToV2MigrationException(stage, MigrationErrorCode.SourceChanged,
                    $"another program wrote to the source '{Path.GetFullPath(v1Path)}' while it was backed up. Nothing was written to the target; stop that program (or migrate a copy of the file) and run again.",
                    backup.BackupPath);
            }

            stage = V1ToV2Stage.ScanKeys;
            var (unmapped, keysChecked, scanElapsed) = await scan;
            scanStep.Advance(1);
            clock.Lap(nameof(V1ToV2Stage.ScanKeys));
            clock.Record(nameof(V1ToV2Stage.ScanKeys) + "Own", scanElapsed);
            if (unmapped.Count > 0)
            {
                throw new UnmappedKeysException(unmapped);
            }

            stage = V1ToV2Stage.Schema;
            await using var source = await MigrationConnections.OpenSourceAsync(v1Path, cancellationToken);
            await using var target = await MigrationConnections.OpenTargetAsync(v2Path, options.BusyTimeout, cancellationToken);
            foreach (var (name, value) in options.TargetPragmas)
            {
                await using var pragma = target.CreateCommand();
                if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || c == '_'))
                {
                    throw new ArgumentException($"The target pragma name '{name}' is not a plain lowercase identifier.", nameof(options));
                }

                pragma.CommandText = $"PRAGMA {SqlIdentifier.Quote(name)} = {SqlIdentifier.Number(value)}";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            // WAL with synchronous NORMAL from the start: no commit of the schema steps or of the copy
            // waits for an fsync. A killed process loses nothing (the OS holds the pages); a power loss
            // may undo the last commits, each step with its schema_history row and each batch with its
            // mark, so the next run redoes them. The completion record is written with FULL again,
            // which makes everything before it durable.
            await ExecuteAsync(target, "PRAGMA journal_mode = WAL", cancellationToken);
            await ExecuteAsync(target, "PRAGMA synchronous = NORMAL", cancellationToken);
            await MigrationCatalog.Project.CreateRunner(time).MigrateAsync(target, cancellationToken);

            // The V2 tables exist now (step 5); this only switches to WAL and records schema_version,
            // as AsyncProjectDatabase expects (its DDL is IF NOT EXISTS: a no-op here).
            SchemaManager.EnsureCreated(target, PyDateTime.Normalize(time.GetLocalNow().DateTime));

            await RefuseTargetOfChangedSourceAsync(target, v2Path, backup.BackupPath, cancellationToken);
            var runId = await MigrationRuns.StartAsync(target, time, Path.GetFullPath(v1Path), backup.BackupPath, cancellationToken);
            clock.Lap(nameof(V1ToV2Stage.Schema));

            stage = V1ToV2Stage.Copy;
            if (Failpoint.IsActive(V1ToV2Failpoints.DuplicateOnRerun))
            {
                await ForgetProgressAsync(target, cancellationToken);
            }

            var wholeTable = Failpoint.IsActive(V1ToV2Failpoints.WholeTableBatch);
            var copier = new BatchedTableCopier(source, target, new RejectLog(time), new TableCopyOptions
            {
                // Canary WholeTableBatch: the bulk loader with neither a row count nor a byte budget.
                BatchSize = wholeTable ? int.MaxValue : options.BatchSize ?? V1ToV2Options.AutoBatchCeiling,
                AutoTuneBatchSize = !wholeTable && options.BatchSize is null,
                MaxBatchBytes = wholeTable ? null : options.MaxBatchBytes,
                VerifySourceIntegrity = false,
                MapConcurrency = Environment.ProcessorCount, // the V1ToV2Jobs mappers are pure functions of the row
                BatchCommitted = options.BatchCommitted,
                Progress = progress,
                CrashAfterBatches = options.CrashAfterBatches,
                TimeProvider = time,
            });
            var results = new List<TableCopyResult>();
            var pickle = options.PickleOptions;
            var current = V1ToV2Jobs.Users(pickle);
            try
            {
                async Task CopyAsync(TableCopyJob job)
                {
                    current = job;
                    results.Add(await copier.CopyAsync(job, runId, cancellationToken));
                    clock.Lap("copy:" + job.SourceTable);
                    await StopIfSourceChangedAsync(watch, v1Path, v2Path, backup.BackupPath, cancellationToken);
                }

                await CopyAsync(V1ToV2Jobs.Users(pickle));
                await CopyAsync(V1ToV2Jobs.Projects(await UsernamesAsync(target, cancellationToken), pickle));
                foreach (var job in new[]
                {
                    V1ToV2Jobs.Notes(pickle), V1ToV2Jobs.Documents(pickle), V1ToV2Jobs.Effectiveness(pickle), V1ToV2Jobs.Patterns(pickle),
                    V1ToV2Jobs.ProviderConfigs(pickle), V1ToV2Jobs.ApiKeys(), V1ToV2Jobs.Usage(pickle),
                })
                {
                    await CopyAsync(job);
                }
            }
            catch (OperationCanceledException error) when (cancellationToken.IsCancellationRequested)
            {
                var where = await StoppedAtAsync(target, current);
                await TryFailAsync(target, time, runId, "stopped on request " + where);
                throw new V1ToV2MigrationException(stage, MigrationErrorCode.Cancelled,
                    $"stopped on request {where}; every batch before that point is committed. Run the same command again to resume from there.",
                    backup.BackupPath, null, error);
            }
            catch (Exception error) when (error is MigrationException or SqliteException)
            {
                // The prefix marks the target for the next run, which must refuse to resume it.
                await TryFailAsync(target, time, runId,
                    error is MigrationException { Code: MigrationErrorCode.SourceChanged } ? $"{SourceWatch.ErrorPrefix}: {error.Message}" : error.Message);
                throw;
            }

            stage = V1ToV2Stage.Accounting;
            var accounts = new List<TableAccount>();
            foreach (var table in V1Schema.TableNames)
            {
                var targetTable = V1ToV2Verifier.TargetTables[table];
                accounts.Add(await MigrationAccounting.CountAsync(source, target, table,
                    (connection, ct) => V1ToV2Verifier.CountAsync(connection, targetTable, ct), cancellationToken));
            }

            var books = MigrationAccounting.Compute(accounts);
            clock.Lap(nameof(V1ToV2Stage.Accounting));
            var tables = accounts.Select(a =>
            {
                var copied = results.FirstOrDefault(r => r.SourceTable == a.SourceTable);
                return new V1ToV2TableSummary(a.SourceTable, a.SourceRows, a.Migrated, a.Rejected, copied?.RowsThisRun ?? 0, copied?.Resumed ?? false);
            }).ToList();
            V1ToV2Summary Summary(V1ToV2VerificationReport? verification) => new(
                Path.GetFullPath(v1Path), Path.GetFullPath(v2Path), runId, backup.BackupPath, backup.Verified, keysChecked, tables, books.Holds,
                verification, Stopwatch.GetElapsedTime(started), [.. clock.Phases])
            {
                BackupReused = backup.Reused,
                MemoryBudgetBytes = options.MemoryBudgetBytes,
                PeakBatchBytes = results.Count == 0 ? 0 : results.Max(r => r.PeakBatchBytes),
                PeakBatchRows = results.Count == 0 ? 0 : results.Max(r => r.PeakBatchRows),
            };
            if (!books.Holds)
            {
                await TryFailAsync(target, time, runId, books.Describe());
                throw new V1ToV2MigrationException(stage, MigrationErrorCode.CopyFailed, "the books do not balance: " + books.Describe(), backup.BackupPath, Summary(null));
            }

            V1ToV2VerificationReport? report = null;
            if (options.Validate)
            {
                stage = V1ToV2Stage.Validate;
                var validateStep = Step(progress, "validate");
                try
                {
                    report = await V1ToV2Verifier.VerifyAsync(v1Path, v2Path, cancellationToken, options.PickleOptions);
                    validateStep.Advance(1);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A validator that cannot finish must not leave the run 'running' with no word of why.
                    await TryFailAsync(target, time, runId, "validation could not finish: " + error.Message);
                    throw new V1ToV2MigrationException(stage, MigrationErrorCode.CopyFailed,
                        $"the validation could not finish ({error.GetType().Name}: {error.Message}).", backup.BackupPath, Summary(null), error);
                }

                clock.Lap(nameof(V1ToV2Stage.Validate));
                if (!report.Clean)
                {
                    await TryFailAsync(target, time, runId, report.Report.Describe());
                    throw new V1ToV2MigrationException(stage, MigrationErrorCode.CopyFailed,
                        "V1 and V2 differ: " + report.Report.Describe(), backup.BackupPath, Summary(report));
                }
            }

            stage = V1ToV2Stage.Complete;
            await ExecuteAsync(target, "PRAGMA synchronous = FULL", cancellationToken);
            await MigrationRuns.CompleteAsync(target, time, runId, cancellationToken);
            clock.Lap(nameof(V1ToV2Stage.Complete));
            return Summary(report);
        }
        catch (V1ToV2MigrationException)
        {
            throw;
        }
        catch (OperationCanceledException error) when (cancellationToken.IsCancellationRequested)
        {
            throw new V1ToV2MigrationException(stage, MigrationErrorCode.Cancelled,
                $"stopped on request during {stage}; nothing of it was kept half-written. Run the same command again to resume.", backup?.BackupPath, null, error);
        }
        catch (MigrationException error)
        {
            throw new V1ToV2MigrationException(stage, error.Code, error.Message, backup?.BackupPath, null, error);
        }
        catch (SqliteException error)
        {
            var code = error.SqliteErrorCode switch
            {
                SqliteMigrationExtensions.SqliteFull => MigrationErrorCode.StorageFull,
                8 => MigrationErrorCode.TargetReadOnly,
                5 or 6 => MigrationErrorCode.DatabaseBusy,
                11 or 26 => MigrationErrorCode.SourceCorrupt,
                _ => MigrationErrorCode.CopyFailed,
            };
            throw new V1ToV2MigrationException(stage, code, $"SQLite error {error.SqliteErrorCode}: {error.Message}", backup?.BackupPath, null, error);
        }
        catch (LegacyStoreException error)
        {
            throw new V1ToV2MigrationException(stage, MigrationErrorCode.SourceCorrupt, error.Message, backup?.BackupPath, null, error);
        }
    }

    /// <summary>
    /// A verified backup of the source as it is now: an earlier one of the very same bytes when its
    /// manifest and digest still match, otherwise a new one (its manifest written only when the
    /// source did not move while it was taken).
    /// </summary>
    private static async Task<BackupResult> ObtainBackupAsync(string v1Path, V1ToV2Options options, SourceWatch watch, CancellationToken ct)
    {
        // A backup killed mid-copy left its temporary file; it goes whether this run reuses or copies.
        DatabaseBackup.RemoveAbandonedPartials(v1Path, options.BackupDirectory);
        var digest = await SourceDigest.ComputeAsync(v1Path, ct);
        var header = await SourceDigest.HeaderAsync(v1Path, ct);
        if (!Failpoint.IsActive(MigrationFailpoints.BackupSkipVerify)
            && await VerifiedBackups.FindAsync(v1Path, options.BackupDirectory, digest, options.TimeProvider, ct) is { } reused)
        {
            return reused;
        }

        var created = (await DatabaseBackup.CreateAsync(v1Path, options.BackupOptions, ct)).EnsureVerified();
        if (!await watch.ChangedAsync(ct))
        {
            await VerifiedBackups.RecordAsync(created, digest, options.TimeProvider, ct, header);
        }

        return created;
    }

    /// <summary>
    /// A phase that reports only its start (0 of 1 step, reported here) and its end (the caller's
    /// <c>Advance(1)</c>): the backup, the key scan and the validation have no finer point to report.
    /// </summary>
    private static MigrationProgress Step(IProgress<MigrationProgressSnapshot>? sink, string phase)
    {
        var step = new MigrationProgress(1, sink is null ? null : new StepUnits(sink), phase: phase);
        sink?.Report(new MigrationProgressSnapshot(0, 1, 0, null, TimeSpan.Zero) { Phase = phase, Unit = "steps" });
        return step;
    }

    /// <summary>Marks a one-step phase's snapshots as steps, not rows.</summary>
    private sealed class StepUnits(IProgress<MigrationProgressSnapshot> inner) : IProgress<MigrationProgressSnapshot>
    {
        public void Report(MigrationProgressSnapshot value) => inner.Report(value with { Unit = "steps" });
    }

    private static async Task StopIfSourceChangedAsync(SourceWatch watch, string v1Path, string v2Path, string backupPath, CancellationToken ct)
    {
        if (!await watch.ChangedAsync(ct))
        {
            return;
        }

        throw new V1ToV2MigrationException(V1ToV2Stage.Copy, MigrationErrorCode.SourceChanged,
            $"another program wrote to the source '{Path.GetFullPath(v1Path)}' while it was migrated. The target '{Path.GetFullPath(v2Path)}' mixes rows from before and after that change and cannot be completed: " +
            "delete it (with its -wal and -shm files), make sure nothing writes the source (or migrate a copy of it), and run again.",
            backupPath);
    }

    /// <summary>A target whose last run stopped because its source moved is refused: resuming it would never balance.</summary>
    private static async Task RefuseTargetOfChangedSourceAsync(SqliteConnection target, string v2Path, string backupPath, CancellationToken ct)
    {
        await using var command = target.CreateCommand();
        command.CommandText = "SELECT run_id FROM migration_runs WHERE status = 'failed' AND substr(error, 1, length($prefix)) = $prefix LIMIT 1";
        command.Parameters.AddWithValue("$prefix", SourceWatch.ErrorPrefix);
        if (await command.ExecuteScalarAsync(ct) is string run)
        {
            throw new V1ToV2MigrationException(V1ToV2Stage.Schema, MigrationErrorCode.SourceChanged,
                $"the target '{Path.GetFullPath(v2Path)}' was built by run {run} from a source that changed while it was migrated; it cannot be completed. Delete it (with its -wal and -shm files) and run again.",
                backupPath);
        }
    }

    /// <summary>Where a copy stopped, from its committed mark: "in table T after N rows (last committed key K)".</summary>
    private static async Task<string> StoppedAtAsync(SqliteConnection target, TableCopyJob job)
    {
        try
        {
            var mark = await CopyProgressStore.ReadAsync(target, job.Name, CancellationToken.None);
            return mark switch
            {
                null => $"before table '{job.SourceTable}'",
                { Completed: true } => $"after table '{job.SourceTable}' was complete ({mark.RowsRead} row(s))",
                _ => $"in table '{job.SourceTable}' after {mark.RowsRead} row(s) (last committed key '{mark.LastKey ?? "(none)"}')",
            };
        }
        catch (SqliteException)
        {
            return $"in table '{job.SourceTable}'";
        }
    }

    private static async Task<HashSet<string>> UsernamesAsync(SqliteConnection target, CancellationToken ct)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        await using var command = target.CreateCommand();
        command.CommandText = "SELECT username FROM users";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            users.Add(reader.GetString(0));
        }

        return users;
    }

    private static async Task ExecuteAsync(SqliteConnection target, string sql, CancellationToken ct)
    {
        await using var command = target.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Canary <see cref="V1ToV2Failpoints.DuplicateOnRerun"/>: clears this migrator's copy marks, so every job starts over.</summary>
    private static async Task ForgetProgressAsync(SqliteConnection target, CancellationToken ct)
    {
        await using var command = target.CreateCommand();
        command.CommandText = "DELETE FROM migration_progress WHERE substr(job, 1, length($prefix)) = $prefix";
        command.Parameters.AddWithValue("$prefix", V1ToV2Jobs.Prefix);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Marks the run failed when the target still takes writes (a full disk may refuse even that; the error that stopped the run is what counts).</summary>
    private static async Task TryFailAsync(SqliteConnection target, TimeProvider time, string runId, string error)
    {
        try
        {
            await MigrationRuns.FailAsync(target, time, runId, error.Length > 2000 ? error[..2000] : error, CancellationToken.None);
        }
        catch (SqliteException)
        {
            // The target refused the status update (full or read-only): the original failure is rethrown by the caller.
        }
    }
}
