using Microsoft.Data.Sqlite;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Migration.Runner;

/// <summary>
/// Applies registered steps in version order, in the spirit of Flyway's validate-then-migrate:
/// before anything runs, the registration and <c>schema_history</c> must agree (no duplicate
/// version, no changed checksum, no applied version missing, no unapplied step below the highest
/// applied one). Each step runs in its own <c>BEGIN IMMEDIATE</c> transaction together with its
/// history row, so a crash leaves it either applied and recorded or neither. Running again
/// applies nothing.
/// </summary>
public sealed class MigrationRunner
{
    private readonly IReadOnlyList<IMigrationStep> _steps;
    private readonly TimeProvider _time;

    /// <exception cref="MigrationValidationException">Two steps share a version.</exception>
    public MigrationRunner(IEnumerable<IMigrationStep> steps, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        var duplicate = list.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw MigrationValidationException.Duplicate(duplicate.Key, duplicate.Select(s => s.Description));
        }

        _steps = [.. list.OrderBy(s => s.Version)];
        _time = timeProvider ?? TimeProvider.System;
    }

    public IReadOnlyList<IMigrationStep> Steps => _steps;

    /// <summary>
    /// Checks the registration against the recorded history and returns the steps still to apply.
    /// </summary>
    /// <exception cref="MigrationValidationException">The history and the registration disagree.</exception>
    public async Task<IReadOnlyList<IMigrationStep>> ValidateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await SchemaHistory.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        var history = await SchemaHistory.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return Validate(history);
    }

    /// <summary>Validates, then applies every pending step. Returns what was applied.</summary>
    public async Task<MigrationRunResult> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var pending = await ValidateAsync(connection, cancellationToken).ConfigureAwait(false);
        var applied = new List<SchemaHistoryEntry>();
        foreach (var step in pending)
        {
            var entry = await ApplyOneAsync(connection, step, cancellationToken).ConfigureAwait(false);
            if (entry is not null)
            {
                applied.Add(entry);
            }
        }

        var current = (await SchemaHistory.ReadAsync(connection, cancellationToken).ConfigureAwait(false))
            .Where(h => h.Success)
            .Select(h => h.Version)
            .DefaultIfEmpty(0)
            .Max();
        return new MigrationRunResult(applied, current);
    }

    private List<IMigrationStep> Validate(IReadOnlyList<SchemaHistoryEntry> history)
    {
        var byVersion = _steps.ToDictionary(s => s.Version);
        var applied = history.Where(h => h.Success).ToList();
        foreach (var entry in applied)
        {
            if (!byVersion.TryGetValue(entry.Version, out var step))
            {
                throw MigrationValidationException.Missing(entry.Version, entry.Description);
            }

            if (!string.Equals(step.Checksum, entry.Checksum, StringComparison.Ordinal))
            {
                throw MigrationValidationException.ChecksumMismatch(entry.Version, entry.Checksum, step.Checksum);
            }
        }

        var appliedVersions = applied.Select(h => h.Version).ToHashSet();
        var highest = appliedVersions.DefaultIfEmpty(0).Max();
        var pending = _steps.Where(s => !appliedVersions.Contains(s.Version)).ToList();
        var outOfOrder = pending.FirstOrDefault(s => s.Version < highest);
        if (outOfOrder is not null)
        {
            throw MigrationValidationException.OutOfOrder(outOfOrder.Version, highest);
        }

        return pending;
    }

    private async Task<SchemaHistoryEntry?> ApplyOneAsync(SqliteConnection connection, IMigrationStep step, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var appliedAt = SchemaHistory.FormatTimestamp(_time.GetUtcNow());
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            try
            {
                // Another runner may have applied it since validation; under the write lock the history is authoritative.
                var history = await SchemaHistory.ReadAsync(connection, cancellationToken, transaction).ConfigureAwait(false);
                var recorded = history.FirstOrDefault(h => h.Version == step.Version && h.Success);
                if (recorded is not null)
                {
                    if (!string.Equals(recorded.Checksum, step.Checksum, StringComparison.Ordinal))
                    {
                        throw MigrationValidationException.ChecksumMismatch(step.Version, recorded.Checksum, step.Checksum);
                    }

                    return null;
                }

                await step.ApplyAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                var entry = new SchemaHistoryEntry(step.Version, step.Description, step.Checksum, appliedAt, _time.GetElapsedTime(started).TotalMilliseconds, Success: true);
                await SchemaHistory.RecordAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return entry;
            }
            catch (Exception error) when (error is not OperationCanceledException and not MigrationValidationException)
            {
                await transaction.RollbackIfActiveAsync().ConfigureAwait(false);
                var failed = new SchemaHistoryEntry(step.Version, step.Description, step.Checksum, appliedAt, _time.GetElapsedTime(started).TotalMilliseconds, Success: false);
                await SchemaHistory.RecordAsync(connection, null, failed, CancellationToken.None).ConfigureAwait(false);
                throw new MigrationStepFailedException(step.Version, step.Description, error);
            }
        }
    }
}
