using Socrates.Core.Caching;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing;
using Socrates.Testing.Concurrency;
using Socrates.Testing.Metrics;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Concurrency;

/// <summary>
/// Generated concurrent programs (a prefix, 2-5 parallel clients, a suffix) against a real V2
/// database on a temporary SQLite file and the cached repository over it; every history must be
/// linearizable (<see cref="ProjectModel"/> per project, a register per cache key). Writes
/// <c>concurrency.linearizability_violations</c>, <c>concurrency.unknown_verdicts</c>,
/// <c>concurrency.operations_checked</c>. Replay a failure with <c>SOCRATES_PBT_REPLAY</c>.
/// </summary>
[Trait("Category", "Property")]
public sealed class LinearizabilityPropertyTests
{
    private static readonly ShrinkOptions CanaryShrink = new() { TriesPerCandidate = 3, Budget = TimeSpan.FromSeconds(20) };

    [Fact]
    public void ConcurrentPrograms_DatabaseAndCache_EveryHistoryLinearizable()
    {
        var tally = new ConcurrencyTally();
        var failure = LinearizabilityProperty.Check(nameof(ConcurrentPrograms_DatabaseAndCache_EveryHistoryLinearizable), ProgramGenerator.Mixed, tally, maxTest: TestProfile.Current.PropertyMaxTest * 3);

        var evidence = MetricsWriter.WriteEvidence("properties", "concurrency-linearizability.json", new
        {
            tally.Programs,
            tally.Violations,
            tally.CacheViolations,
            tally.Unknown,
            tally.OperationsChecked,
            tally.UnexpectedErrors,
            Failure = failure?.Message,
        });
        MetricsWriter.Write("properties", "concurrency.linearizability_violations", tally.Violations, "count", evidence);
        MetricsWriter.Write("properties", "concurrency.unknown_verdicts", tally.Unknown, "count", evidence);
        MetricsWriter.Write("properties", "concurrency.operations_checked", tally.OperationsChecked, "count", evidence);

        Assert.Null(failure?.Message);
        Assert.Equal(0, tally.Violations);
        Assert.Equal(0, tally.Unknown);
        Assert.True(tally.OperationsChecked >= tally.Programs * 3, $"only {tally.OperationsChecked} operations checked in {tally.Programs} programs");
    }

    [Fact]
    public void ConcurrentPrograms_BudgetSpentCanary_UnknownVerdictsCounted()
    {
        var tally = new ConcurrencyTally();
        using (Failpoint.Enable(TestKitFailpoints.CheckerBudgetSpent))
        {
            LinearizabilityProperty.Check(nameof(ConcurrentPrograms_BudgetSpentCanary_UnknownVerdictsCounted), ProgramGenerator.Mixed, tally, maxTest: 5, shrinkOptions: CanaryShrink);
        }

        // An Unknown is never a pass and never a violation: it is counted, and its gate goes red.
        Assert.True(tally.Unknown > 0, $"{tally.Programs} programs, no Unknown verdict under the spent budget");
        Assert.Equal(0, tally.Violations);
    }

    [Fact]
    public void ConcurrentPrograms_SkipVersionCheckCanary_ViolationFoundAndShrunk()
    {
        var tally = new ConcurrencyTally();
        using (Failpoint.Enable(V2Failpoints.SaveSkipVersionCheck))
        {
            LinearizabilityProperty.Check(nameof(ConcurrentPrograms_SkipVersionCheckCanary_ViolationFoundAndShrunk), ProgramGenerator.Database, tally, shrinkOptions: CanaryShrink);
        }

        Assert.True(tally.Violations > 0, "a save that ignores the expected version went unnoticed");
        Assert.NotNull(tally.FirstReport);
        Assert.Contains("Minimal program:", tally.FirstReport, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentPrograms_SkipInvalidationCanary_CacheViolationFound()
    {
        var tally = new ConcurrencyTally();
        using (Failpoint.Enable(CacheFailpoints.SkipInvalidationOnWrite))
        {
            LinearizabilityProperty.Check(nameof(ConcurrentPrograms_SkipInvalidationCanary_CacheViolationFound), ProgramGenerator.Cache, tally, shrinkOptions: CanaryShrink);
        }

        Assert.True(tally.CacheViolations > 0, "a write that leaves the cached value in place went unnoticed");
    }

    [Fact]
    public async Task Shrinker_SkipVersionCheckCanary_MinimalProgramIsOneOrTwoSteps()
    {
        // A save expecting a version the project does not have must conflict; under the canary it
        // succeeds. Buried in noise, the shrinker must cut it down to (nearly) that one step.
        var noise = new ProgramOperation(ProgramOperationKind.Load, 1);
        var program = new ConcurrentProgram(
            [noise, new ProgramOperation(ProgramOperationKind.AppendMessage, 1, Argument: "m")],
            [[noise, new ProgramOperation(ProgramOperationKind.Save, 0, 2, "w1"), noise], [noise, noise], [new ProgramOperation(ProgramOperationKind.CountMessages, 1)]],
            [noise]);
        using (Failpoint.Enable(V2Failpoints.SaveSkipVersionCheck))
        {
            var first = await DatabaseProgramRunner.RunAsync(program);
            Assert.Equal(Testing.Linearizability.Checking.CheckOutcome.NotLinearizable, first.Outcome);
            var shrunk = await ProgramShrinker.ShrinkAsync(program, first, options: CanaryShrink);
            Assert.True(shrunk.Minimal.OperationCount <= 2, shrunk.Report());
            Assert.Contains("save p0", shrunk.Report(), StringComparison.Ordinal);
        }
    }
}
