using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Socrates.Core.Failpoints;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Progress;
using Socrates.Core.Migration.Rejects;
using Socrates.Core.Sql;

namespace Socrates.Core.Migration.Copying;

/// <summary>
/// Copies a source table into target tables in batches, resumably. Rows are read in key order
/// after the job's high-water mark, one batch at a time, each mapped by the job's mapper to rows to
/// insert or a reject; the next batch is read and mapped while the current one is written (memory
/// is bounded by two batches). A batch's inserts, its rejects and
/// the new mark are committed in one transaction, so a run killed at any instant resumes from the
/// last committed batch with no row lost and none written twice. Before writing anything it
/// refuses a read-only target, a corrupt source and a key column that is not unique and non-null.
/// The source is only read.
/// </summary>
public sealed class BatchedTableCopier
{
    private static readonly string[] s_bookkeepingTables = ["migration_runs", "migration_rejects", "migration_progress"];
    private readonly SqliteConnection _source;
    private readonly SqliteConnection _target;
    private readonly RejectLog _rejects;
    private readonly TableCopyOptions _options;
    private bool _preflightDone;

    public BatchedTableCopier(SqliteConnection source, SqliteConnection target, RejectLog rejects, TableCopyOptions? options = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _rejects = rejects ?? throw new ArgumentNullException(nameof(rejects));
        _options = options ?? new TableCopyOptions();
        _options.Validate();
    }

    /// <summary>
    /// Runs (or resumes) <paramref name="job"/> under run <paramref name="runId"/> until the source
    /// is exhausted. A completed job does nothing.
    /// </summary>
    /// <exception cref="TargetReadOnlyException">The target cannot be written.</exception>
    /// <exception cref="SourceCorruptException">The source fails integrity_check.</exception>
    /// <exception cref="StorageFullException">The target ran out of space; the batch was rolled back.</exception>
    /// <exception cref="DatabaseBusyException">The target stayed locked past its timeout.</exception>
    public async Task<TableCopyResult> CopyAsync(TableCopyJob job, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        job.Validate();
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        await PreflightAsync(cancellationToken).ConfigureAwait(false);
        if (await Runs.MigrationRuns.StatusAsync(_target, runId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new MigrationException(
                MigrationErrorCode.CopyFailed,
                $"Copy '{job.Name}': run '{runId}' was never started (MigrationRuns.StartAsync); rejects must belong to a run.",
                new Dictionary<string, string> { ["job"] = job.Name, ["runId"] = runId });
        }

        await CheckKeyAsync(job, cancellationToken).ConfigureAwait(false);

        var sourceRows = await _source.CountRowsAsync(job.SourceTable, cancellationToken).ConfigureAwait(false);
        await WithTargetErrorsAsync(job, 0, null, () => CopyProgressStore.EnsureAsync(_target, job.Name, job.SourceTable, runId, time, cancellationToken)).ConfigureAwait(false);
        var mark = await CopyProgressStore.ReadAsync(_target, job.Name, cancellationToken).ConfigureAwait(false)
            ?? throw new MigrationException(MigrationErrorCode.CopyFailed, $"Copy '{job.Name}': its progress row vanished after being created.");
        var resumed = mark.RowsRead > 0;
        var progress = new MigrationProgress(sourceRows, _options.Progress, time, rowsDone: mark.RowsRead, phase: "copy", table: job.SourceTable);
        var batches = 0;
        long rowsThisRun = 0;
        var perRow = Failpoint.IsActive(MigrationFailpoints.CommitPerRow);
        // Canary CommitPerRow: one source row per transaction, each commit synced to disk.
        var sizer = new BatchSizer(perRow ? 1 : _options.BatchSize, _options.AutoTuneBatchSize && !perRow);
        long peakBytes = 0;
        var peakRows = 0;
        if (perRow)
        {
            await using var synchronous = _target.CreateCommand();
            synchronous.CommandText = "PRAGMA synchronous = FULL";
            await synchronous.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var inserts = new InsertCommandCache(_target);

        // Read-ahead: while batch N is written (the target connection), batch N+1 is read and
        // mapped (the source connection, on the thread pool). Nothing about the writes changes:
        // batches still commit one after the other, each with its rows, rejects and mark, and a
        // failure anywhere stops the read-ahead before this method returns. Memory: two batches.
        using var readAheadCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<MappedBatch>? readAhead = null;
        try
        {
            while (!mark.Completed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (batch, mapped, requested, bytes, stoppedByBytes) = readAhead is null
                    ? await ReadAndMapAsync(job, mark.LastKey, sizer.Next, cancellationToken).ConfigureAwait(false)
                    : await readAhead.ConfigureAwait(false);
                readAhead = null;
                sizer.Observe(requested, batch.Count, stoppedByBytes);
                if (resumed && batches == 0 && batch.Count > 0 && Failpoint.IsActive(MigrationFailpoints.ResumePastMark))
                {
                    // Canary ResumePastMark: the resumed copy starts one row past its mark.
                    batch.RemoveAt(0);
                    mapped.RemoveAt(0);
                }

                var last = batch.Count < requested && !stoppedByBytes;
                if (!last && !perRow)
                {
                    var after = batch[^1].Key;
                    var next = sizer.Next;
                    readAhead = Task.Run(() => ReadAndMapAsync(job, after, next, readAheadCancel.Token), readAheadCancel.Token);
                }

                var number = batches + 1;
                var current = mark;
                mark = await WithTargetErrorsAsync(job, number, current.LastKey, () => WriteBatchAsync(job, runId, inserts, current, mapped, last, number, cancellationToken)).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                batches = number;
                rowsThisRun += batch.Count;
                peakBytes = Math.Max(peakBytes, bytes);
                peakRows = Math.Max(peakRows, batch.Count);
                progress.Advance(batch.Count);
                _options.BatchCommitted?.Report(new CopyBatchCommitted(job.Name, batches, mark.LastKey!, mark.RowsRead, mark.RowsMigrated, mark.RowsRejected)
                {
                    RowsAsked = requested,
                    BatchRows = batch.Count,
                    BatchBytes = bytes,
                });
            }
        }
        finally
        {
            if (readAhead is not null)
            {
                // The write failed (or the copy was cancelled) with a batch read ahead: stop it and let
                // it finish with the source connection; its outcome no longer matters.
                await readAheadCancel.CancelAsync().ConfigureAwait(false);
                await ((Task)readAhead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return new TableCopyResult(
            job.Name, job.SourceTable, sourceRows, mark.RowsRead, mark.RowsMigrated, mark.RowsRejected,
            rowsThisRun, batches, resumed, mark.Completed, mark.LastKey, time.GetElapsedTime(started))
        {
            PeakBatchBytes = peakBytes,
            PeakBatchRows = peakRows,
        };
    }

    private async Task PreflightAsync(CancellationToken cancellationToken)
    {
        if (_preflightDone)
        {
            return;
        }

        if (_target.IsReadOnly())
        {
            throw new TargetReadOnlyException(_target.DataSource);
        }

        var tables = await _target.UserTablesAsync(cancellationToken).ConfigureAwait(false);
        var missing = s_bookkeepingTables.Where(t => !tables.Contains(t)).ToList();
        if (missing.Count > 0)
        {
            throw new MigrationException(
                MigrationErrorCode.CopyFailed,
                $"Target '{_target.DataSource}' lacks the migration's bookkeeping tables ({string.Join(", ", missing)}); apply MigrationCatalog's steps with the runner first.",
                new Dictionary<string, string> { ["target"] = _target.DataSource, ["missing"] = string.Join(", ", missing) });
        }

        if (_options.VerifySourceIntegrity)
        {
            await SourceIntegrity.VerifyAsync(_source, cancellationToken).ConfigureAwait(false);
        }

        _preflightDone = true;
    }

    // Keyset pagination skips rows whose key is NULL or repeated: refuse such a key instead of losing them.
    private async Task CheckKeyAsync(TableCopyJob job, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand();
        command.CommandText =
            $"SELECT count(*) - count({SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)}), count({SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)}) - count(DISTINCT {SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)}) FROM {SqliteMigrationExtensions.QuoteIdentifier(job.SourceTable)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var nulls = reader.GetInt64(0);
        var duplicates = reader.GetInt64(1);
        if (nulls > 0 || duplicates > 0)
        {
            throw new MigrationException(
                MigrationErrorCode.CopyFailed,
                $"Copy '{job.Name}': key column {job.SourceTable}.{job.KeyColumn} has {nulls} NULL and {duplicates} repeated value(s); rows would be skipped, so nothing was copied.",
                new Dictionary<string, string> { ["job"] = job.Name, ["table"] = job.SourceTable, ["key"] = job.KeyColumn });
        }
    }

    private async Task<MappedBatch> ReadAndMapAsync(TableCopyJob job, object? afterKey, int batchSize, CancellationToken cancellationToken)
    {
        var (batch, bytes, stoppedByBytes) = await ReadBatchAsync(job, afterKey, batchSize, cancellationToken).ConfigureAwait(false);
        return new MappedBatch(batch, Map(job, batch), batchSize, bytes, stoppedByBytes);
    }

    /// <summary>
    /// Up to <paramref name="batchSize"/> rows after <paramref name="afterKey"/>. With a byte budget
    /// each row's size is read first (SQLite answers <c>length()</c> of a blob from the record
    /// header), and the batch ends before the row that would pass the budget, that row unread.
    /// </summary>
    private async Task<(List<SourceRow> Rows, long Bytes, bool StoppedByBytes)> ReadBatchAsync(TableCopyJob job, object? afterKey, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand();
        // Every name enters the text through a checking quoter, inline, as the SQL scan requires.
        command.CommandText = afterKey is null
            ? $"SELECT {SqliteMigrationExtensions.QuoteIdentifierList([job.KeyColumn, .. job.SourceColumns])}, {SqliteMigrationExtensions.LengthSum(job.SourceColumns)} FROM {SqliteMigrationExtensions.QuoteIdentifier(job.SourceTable)} ORDER BY {SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)} LIMIT $limit"
            : $"SELECT {SqliteMigrationExtensions.QuoteIdentifierList([job.KeyColumn, .. job.SourceColumns])}, {SqliteMigrationExtensions.LengthSum(job.SourceColumns)} FROM {SqliteMigrationExtensions.QuoteIdentifier(job.SourceTable)} WHERE {SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)} > $after ORDER BY {SqliteMigrationExtensions.QuoteIdentifier(job.KeyColumn)} LIMIT $limit";
        if (afterKey is not null)
        {
            command.Parameters.AddWithValue("$after", afterKey);
        }

        command.Parameters.AddWithValue("$limit", batchSize);
        var rows = new List<SourceRow>(Math.Min(batchSize, 1024));
        var budget = _options.MaxBatchBytes ?? long.MaxValue;
        var sizeOrdinal = job.SourceColumns.Count + 1;
        long bytes = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowBytes = reader.GetInt64(sizeOrdinal);
            if (rows.Count > 0 && rowBytes > budget - bytes)
            {
                return (rows, bytes, true);
            }

            bytes += rowBytes;
            var values = new Dictionary<string, object?>(job.SourceColumns.Count, StringComparer.Ordinal);
            for (var i = 0; i < job.SourceColumns.Count; i++)
            {
                values[job.SourceColumns[i]] = await reader.IsDBNullAsync(i + 1, cancellationToken).ConfigureAwait(false) ? null : reader.GetValue(i + 1);
            }

            rows.Add(new SourceRow(reader.GetValue(0), values));
        }

        return (rows, bytes, false);
    }

    private List<(SourceRow Row, RowMapping Mapping)> Map(TableCopyJob job, List<SourceRow> batch)
    {
        var mappings = new RowMapping?[batch.Count];
        var errors = new Exception?[batch.Count];
        void MapOne(int i)
        {
            try
            {
                mappings[i] = job.Mapper(batch[i]) ?? throw new InvalidOperationException("The mapper returned null.");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                errors[i] = error;
            }
        }

        if (_options.MapConcurrency > 1 && batch.Count > 1)
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.MapConcurrency }, MapOne);
        }
        else
        {
            for (var i = 0; i < batch.Count; i++)
            {
                MapOne(i);
            }
        }

        var mapped = new List<(SourceRow, RowMapping)>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (errors[i] is { } error)
            {
                // An unexpected mapper failure stops the copy (nothing of this batch is written); the
                // first failing row in key order is reported. Expected problems are returned as
                // RowMapping.Reject instead.
                var row = batch[i];
                throw new MigrationException(
                    MigrationErrorCode.CopyFailed,
                    $"Copy '{job.Name}': the mapper threw for {job.SourceTable} key '{row.KeyText}': {error.Message}. Nothing of this batch was written.",
                    new Dictionary<string, string> { ["job"] = job.Name, ["table"] = job.SourceTable, ["key"] = row.KeyText },
                    error);
            }

            mapped.Add((batch[i], mappings[i]!));
        }

        return mapped;
    }

    private async Task<CopyProgressRecord> WriteBatchAsync(
        TableCopyJob job,
        string runId,
        InsertCommandCache inserts,
        CopyProgressRecord mark,
        List<(SourceRow Row, RowMapping Mapping)> batch,
        bool last,
        int number,
        CancellationToken cancellationToken)
    {
        var nonAtomic = Failpoint.IsActive(MigrationFailpoints.NonAtomicMark);
        if (nonAtomic)
        {
            // Canary: the mark is committed on its own, ahead of the rows (see NonAtomicMark).
            var ahead = NextMark(mark, batch, last, runId, migrated: batch.Count(b => b.Mapping is InsertRows), rejected: batch.Count(b => b.Mapping is RejectRow));
            await using (var markTransaction = (SqliteTransaction)await _target.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                await CopyProgressStore.AdvanceAsync(_target, markTransaction, mark, ahead, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                await markTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            CrashPoint(number);
            mark = ahead;
        }

        // Fast path: the batch's rows go in without a savepoint per row. A constraint violation is
        // rare (a note of a project that was rejected): the whole batch is then rolled back and
        // written again with a savepoint around each row, so only the offending rows become rejects.
        // Either way the batch commits exactly once, with its mark.
        if (_options.RejectConstraintViolations)
        {
            try
            {
                return await WriteBatchOnceAsync(job, runId, inserts, mark, batch, last, number, nonAtomic, perRowSavepoints: false, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException error) when (error.SqliteErrorCode == SqliteMigrationExtensions.SqliteConstraint)
            {
                return await WriteBatchOnceAsync(job, runId, inserts, mark, batch, last, number, nonAtomic, perRowSavepoints: true, cancellationToken).ConfigureAwait(false);
            }
        }

        return await WriteBatchOnceAsync(job, runId, inserts, mark, batch, last, number, nonAtomic, perRowSavepoints: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CopyProgressRecord> WriteBatchOnceAsync(
        TableCopyJob job,
        string runId,
        InsertCommandCache inserts,
        CopyProgressRecord mark,
        List<(SourceRow Row, RowMapping Mapping)> batch,
        bool last,
        int number,
        bool nonAtomic,
        bool perRowSavepoints,
        CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await _target.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long migrated = 0, rejected = 0;
            foreach (var (row, mapping) in batch)
            {
                switch (mapping)
                {
                    case InsertRows insert:
                        var outcome = perRowSavepoints
                            ? await InsertUnderSavepointAsync(job, runId, transaction, inserts, row, insert, cancellationToken).ConfigureAwait(false)
                            : await InsertAsync(transaction, inserts, insert, cancellationToken).ConfigureAwait(false);
                        migrated += outcome == RowOutcome.Migrated ? 1 : 0;
                        rejected += outcome == RowOutcome.Rejected ? 1 : 0;
                        break;
                    case RejectRow reject:
                        var recorded = await _rejects.RecordAsync(
                            _target, transaction, runId,
                            new MigrationReject(job.SourceTable, row.KeyText, reject.Field, reject.Reason, reject.RawExcerpt ?? Describe(row)),
                            cancellationToken).ConfigureAwait(false);
                        rejected += recorded ? 1 : 0;
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown row mapping {mapping.GetType().Name}.");
                }
            }

            if (nonAtomic)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return mark;
            }

            var next = NextMark(mark, batch, last, runId, migrated, rejected);
            await CopyProgressStore.AdvanceAsync(_target, transaction, mark, next, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            CrashPoint(number);
            return next;
        }
        catch
        {
            await transaction.RollbackIfActiveAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static CopyProgressRecord NextMark(CopyProgressRecord mark, List<(SourceRow Row, RowMapping Mapping)> batch, bool last, string runId, long migrated, long rejected) =>
        mark with
        {
            LastKey = batch.Count > 0 ? batch[^1].Row.Key : mark.LastKey,
            RowsRead = mark.RowsRead + batch.Count,
            RowsMigrated = mark.RowsMigrated + migrated,
            RowsRejected = mark.RowsRejected + rejected,
            Batches = mark.Batches + (batch.Count > 0 ? 1 : 0),
            Completed = last,
            RunId = runId,
        };

    // The crash canary fires right after a batch's first durable commit.
    private void CrashPoint(int number)
    {
        if (number == _options.CrashAfterBatches)
        {
            Failpoint.ThrowIfActive(MigrationFailpoints.CrashAfterBatch);
        }
    }

    private static async Task<RowOutcome> InsertAsync(SqliteTransaction transaction, InsertCommandCache inserts, InsertRows insert, CancellationToken cancellationToken)
    {
        var rows = insert.Rows;
        var oneByOne = Failpoint.IsActive(MigrationFailpoints.CommitPerRow); // the canary's slow migrator has no multi-row INSERTs either
        for (var at = 0; at < rows.Count;)
        {
            var run = oneByOne ? 1 : InsertCommandCache.RunLength(rows, at, rows.Count - at);
            await inserts.ExecuteAsync(transaction, rows, at, run, cancellationToken).ConfigureAwait(false);
            at += run;
        }

        return RowOutcome.Migrated;
    }

    private async Task<RowOutcome> InsertUnderSavepointAsync(
        TableCopyJob job,
        string runId,
        SqliteTransaction transaction,
        InsertCommandCache inserts,
        SourceRow row,
        InsertRows insert,
        CancellationToken cancellationToken)
    {
        const string Savepoint = "copy_row";
        await transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await InsertAsync(transaction, inserts, insert, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteMigrationExtensions.SqliteConstraint)
        {
            await transaction.RollbackAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
            var recorded = await _rejects.RecordAsync(
                _target, transaction, runId,
                new MigrationReject(job.SourceTable, row.KeyText, null, "target constraint: " + error.Message, Describe(row)),
                cancellationToken).ConfigureAwait(false);
            return recorded ? RowOutcome.Rejected : RowOutcome.Lost;
        }

        await transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        return RowOutcome.Migrated;
    }

    // Turns the target's SQLite errors into the migration's typed ones; the batch is already rolled back.
    private async Task<T> WithTargetErrorsAsync<T>(TableCopyJob job, int batch, object? lastCommittedKey, Func<Task<T>> action)
    {
        var started = _options.TimeProvider.GetTimestamp();
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw error.SqliteErrorCode switch
            {
                SqliteMigrationExtensions.SqliteFull => new StorageFullException(job.Name, batch, lastCommittedKey, error),
                SqliteMigrationExtensions.SqliteBusy or SqliteMigrationExtensions.SqliteLocked =>
                    new DatabaseBusyException(_target.DataSource, _options.TimeProvider.GetElapsedTime(started), error),
                SqliteMigrationExtensions.SqliteReadOnly => new TargetReadOnlyException(_target.DataSource),
                _ => new MigrationException(
                    MigrationErrorCode.CopyFailed,
                    $"Copy '{job.Name}' failed in batch {batch} (rolled back; last committed key '{lastCommittedKey ?? "(none)"}'): {error.Message}",
                    new Dictionary<string, string> { ["job"] = job.Name, ["batch"] = batch.ToString(CultureInfo.InvariantCulture) },
                    error),
            };
        }
    }

    private async Task WithTargetErrorsAsync(TableCopyJob job, int batch, object? lastCommittedKey, Func<Task> action) =>
        await WithTargetErrorsAsync(job, batch, lastCommittedKey, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private static string Describe(SourceRow row)
    {
        var builder = new StringBuilder().Append("key=").Append(row.KeyText);
        foreach (var (column, value) in row.Values)
        {
            builder.Append(", ").Append(column).Append('=').Append(value switch
            {
                null => "NULL",
                byte[] bytes => RejectLog.Excerpt(bytes),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            });
        }

        return RejectLog.Excerpt(builder.ToString());
    }

    /// <summary>A batch of source rows, read after a key, and what the job's mapper made of each.</summary>
    private sealed record MappedBatch(List<SourceRow> Rows, List<(SourceRow Row, RowMapping Mapping)> Mapped, int Requested, long Bytes, bool StoppedByBytes);

    private enum RowOutcome
    {
        Migrated,
        Rejected,

        /// <summary>Rejected, but the reject was not recorded (the swallow canary): the row is gone.</summary>
        Lost,
    }
}

