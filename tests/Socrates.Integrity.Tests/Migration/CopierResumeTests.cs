using Socrates.Core.Failpoints;
using Socrates.Core.Migration;
using Socrates.Core.Migration.Copying;
using Socrates.Core.Migration.Validation;
using Socrates.CrashHost;
using Socrates.Testing.Metrics;

namespace Socrates.Integrity.Tests.Migration;

/// <summary>
/// The batched copier on 10k generic rows with 1% rejects: stopped mid-way (cancellation, the
/// crash failpoint) and resumed, the target equals the expectation with no duplicate and no loss.
/// </summary>
[Trait("Category", "Integrity")]
public sealed class CopierResumeTests
{
    private const int Rows = 10_000;

    [Fact]
    public async Task CopyAsync_UninterruptedRun_TargetEqualsExpectationAndAccountingHolds()
    {
        using var databases = new WorkloadDatabases(Rows);
        await using var source = await databases.OpenSourceAsync();
        await using var target = await databases.OpenTargetAsync();
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);

        var result = await WorkloadDatabases.Copier(source, target, 500).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);

        var report = await CrashWorkload.ValidateAsync(source, target, Rows, CancellationToken.None);
        var accounting = Assert.Single(report.Results, r => r.Validator == RejectsAccountedValidator.Name);
        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-copy-accounting.json", report.Results);
        MetricsWriter.Write("integrity", "migration.unaccounted_rows", accounting.Failures, "rows", evidence);
        Assert.True(report.Passed, report.Describe());
        Assert.True(result.Completed);
        Assert.False(result.Resumed);
        Assert.Equal(Rows, result.RowsRead);
        Assert.Equal(100, result.RowsRejected);
        Assert.Equal(Rows - 100, result.RowsMigrated);
        Assert.Equal(databases.SourceChecksum, FileChecksum.Of(databases.SourcePath));
    }

    [Fact]
    public async Task CopyAsync_CancelledMidwayThenResumed_NoDuplicatesNoLoss()
    {
        using var databases = new WorkloadDatabases(Rows);
        await using var source = await databases.OpenSourceAsync();
        await using var target = await databases.OpenTargetAsync();
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);
        using var cancellation = new CancellationTokenSource();
        var committed = 0;
        var copier = new BatchedTableCopier(source, target, new Socrates.Core.Migration.Rejects.RejectLog(), new TableCopyOptions
        {
            BatchSize = 250,
            BatchCommitted = new SyncProgress<CopyBatchCommitted>(b =>
            {
                committed = b.Batch;
                if (b.Batch == 7)
                {
                    cancellation.Cancel();
                }
            }),
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copier.CopyAsync(CrashWorkload.Job, runId, cancellation.Token));
        var mark = await CopyProgressStore.ReadAsync(target, CrashWorkload.JobName, CancellationToken.None);
        Assert.NotNull(mark);
        Assert.Equal(7 * 250, mark.RowsRead);
        Assert.Equal(7, committed);
        Assert.False(mark.Completed);

        var resumed = await WorkloadDatabases.Copier(source, target, 250).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);

        Assert.True(resumed.Resumed);
        Assert.Equal(Rows - (7 * 250), resumed.RowsThisRun);
        var report = await CrashWorkload.ValidateAsync(source, target, Rows, CancellationToken.None);
        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task CopyAsync_CrashFailpointAfterThreeBatchesThenResumed_NoDuplicatesNoLoss()
    {
        using var databases = new WorkloadDatabases(Rows);
        await using var source = await databases.OpenSourceAsync();
        await using var target = await databases.OpenTargetAsync();
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);

        FailpointException crash;
        using (Failpoint.Enable(MigrationFailpoints.CrashAfterBatch))
        {
            crash = await Assert.ThrowsAsync<FailpointException>(
                () => WorkloadDatabases.Copier(source, target, 400, crashAfter: 3).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None));
        }

        var mark = await CopyProgressStore.ReadAsync(target, CrashWorkload.JobName, CancellationToken.None);
        var midway = await CrashWorkload.ValidateAsync(source, target, Rows, CancellationToken.None);
        var resumed = await WorkloadDatabases.Copier(source, target, 400).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
        var again = await WorkloadDatabases.Copier(source, target, 400).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
        var report = await CrashWorkload.ValidateAsync(source, target, Rows, CancellationToken.None);

        // Written first, so a canary run (a defect injected) records the bad figure before failing.
        var evidence = MetricsWriter.WriteEvidence("integrity", "migration-resume-validation.json", report.Results);
        MetricsWriter.Write("integrity", "migration.resume_validation_failures", report.Results.Sum(r => r.Failures), "failures", evidence);
        Assert.True(report.Passed, report.Describe());
        Assert.Equal(MigrationFailpoints.CrashAfterBatch, crash.Name);
        Assert.Equal(1200, mark!.RowsRead);
        Assert.False(midway.Passed); // A stopped copy must not look complete.
        Assert.True(resumed.Completed);
        Assert.Equal(Rows - 1200, resumed.RowsThisRun);
        Assert.Equal(0, again.RowsThisRun);
        Assert.Equal(databases.SourceChecksum, FileChecksum.Of(databases.SourcePath));
    }

    [Fact]
    public async Task CopyAsync_RejectsSwallowedByCanary_AccountingFails()
    {
        using var databases = new WorkloadDatabases(2_000);
        await using var source = await databases.OpenSourceAsync();
        await using var target = await databases.OpenTargetAsync();
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);

        using (Failpoint.Enable(MigrationFailpoints.RejectsSwallow))
        {
            await WorkloadDatabases.Copier(source, target, 300).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);
        }

        var report = await CrashWorkload.ValidateAsync(source, target, 2_000, CancellationToken.None);
        var accounted = Assert.Single(report.Results, r => r.Validator == RejectsAccountedValidator.Name);
        Assert.False(accounted.Passed);
        Assert.Equal(20, accounted.Failures);
        Assert.Contains("items (+20)", accounted.FirstOffenders);
    }

    [Fact]
    public async Task CopyAsync_NonAtomicMarkCanaryCrashBetweenCommits_ResumeLosesRows()
    {
        using var databases = new WorkloadDatabases(2_000);
        await using var source = await databases.OpenSourceAsync();
        await using var target = await databases.OpenTargetAsync();
        var runId = await WorkloadDatabases.PrepareTargetAsync(target);

        using (Failpoint.Enable(MigrationFailpoints.NonAtomicMark))
        using (Failpoint.Enable(MigrationFailpoints.CrashAfterBatch))
        {
            await Assert.ThrowsAsync<FailpointException>(
                () => WorkloadDatabases.Copier(source, target, 200, crashAfter: 2).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None));
        }

        await WorkloadDatabases.Copier(source, target, 200).CopyAsync(CrashWorkload.Job, runId, CancellationToken.None);

        var report = await CrashWorkload.ValidateAsync(source, target, 2_000, CancellationToken.None);
        Assert.False(report.Passed);
        var ids = Assert.Single(report.Results, r => r.Validator == IdSetValidator.Name && r.Subject == "copied_items.id");
        Assert.Equal(198, ids.Failures); // batch 2 (200 rows, 2 of them rejects) was skipped on resume
    }
}
