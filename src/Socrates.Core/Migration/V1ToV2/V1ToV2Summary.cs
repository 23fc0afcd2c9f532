using System.Text.Json;
using System.Text.Json.Serialization;

namespace Socrates.Core.Migration.V1ToV2;

/// <summary>What a migration run did: per table counts, the backup, time and throughput, the books, the validators.</summary>
public sealed record V1ToV2Summary(
    string SourcePath,
    string TargetPath,
    string RunId,
    string BackupPath,
    bool BackupVerified,
    long KeysChecked,
    IReadOnlyList<V1ToV2TableSummary> Tables,
    bool AccountingHolds,
    V1ToV2VerificationReport? Verification,
    TimeSpan Duration,
    IReadOnlyList<V1ToV2PhaseTime> Phases)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>True when the backup is an earlier verified one of the same source bytes (no new copy was made).</summary>
    public bool BackupReused { get; init; }

    /// <summary>The memory budget the copy ran under (<see cref="V1ToV2Options.MemoryBudgetBytes"/>).</summary>
    public long MemoryBudgetBytes { get; init; }

    /// <summary>The largest estimated bytes one batch held this run, over all tables.</summary>
    public long PeakBatchBytes { get; init; }

    /// <summary>The most rows one batch held this run, over all tables.</summary>
    public int PeakBatchRows { get; init; }

    public long SourceRows => Tables.Sum(t => t.Source);

    public long MigratedRows => Tables.Sum(t => t.Migrated);

    public long RejectedRows => Tables.Sum(t => t.Rejected);

    public long RowsThisRun => Tables.Sum(t => t.RowsThisRun);

    /// <summary>Source rows processed this run per second of the whole run (backup, scan and validation included).</summary>
    public double RowsPerSecond => Duration.TotalSeconds <= 0 ? 0 : RowsThisRun / Duration.TotalSeconds;

    /// <summary>One line for a person, printed beside the JSON.</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Migrated {MigratedRows} of {SourceRows} rows ({RejectedRows} rejected, {RowsThisRun} this run) in {Duration.TotalSeconds:F1} s; backup {(BackupVerified ? "verified" : "NOT verified")}{(BackupReused ? " (reused)" : string.Empty)} at {BackupPath}; validation {(Verification is null ? "skipped" : Verification.Clean ? "clean" : "NOT clean")}.");

    public string ToJson() => JsonSerializer.Serialize(new
    {
        source = SourcePath,
        target = TargetPath,
        run_id = RunId,
        backup = BackupPath,
        backup_verified = BackupVerified,
        backup_reused = BackupReused,
        keys_checked = KeysChecked,
        tables = Tables.Select(t => new { table = t.Table, source = t.Source, migrated = t.Migrated, rejected = t.Rejected, rows_this_run = t.RowsThisRun, resumed = t.Resumed }),
        source_rows = SourceRows,
        migrated_rows = MigratedRows,
        rejected_rows = RejectedRows,
        accounting_holds = AccountingHolds,
        verification_clean = Verification?.Clean,
        duration_seconds = Duration.TotalSeconds,
        rows_per_second = RowsPerSecond,
        memory_budget_bytes = MemoryBudgetBytes,
        peak_batch_bytes = PeakBatchBytes,
        peak_batch_rows = PeakBatchRows,
        phases = Phases.Select(p => new { phase = p.Phase, seconds = p.Elapsed.TotalSeconds }),
    }, s_json);
}
