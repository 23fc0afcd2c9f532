using Socrates.Gates.Evaluation;
using Socrates.Gates.Reporting;
using Socrates.Gates.Tests.TestSupport;

namespace Socrates.Gates.Tests.Reporting;

[Trait("Category", "Unit")]
public sealed class ReportComparerTests
{
    [Fact]
    public void Compare_NoPrevious_NoChanges()
    {
        Assert.Empty(ReportComparer.Compare(null, Reports.Mixed().Gates));
    }

    [Fact]
    public void Compare_EveryKindOfChange_Classified()
    {
        var previous = Reports.Mixed();
        var gates = previous.Gates.ToList();
        gates[0] = gates[0] with { Status = GateStatus.Fail, Value = 0.1 };       // pass-gate: status
        gates[1] = gates[1] with { Value = 8 };                                   // warn-gate: value
        gates.RemoveAt(2);                                                        // fail-gate: removed
        gates.Add(gates[0] with { Id = "brand-new" });                            // new

        var changes = ReportComparer.Compare(previous, gates).ToDictionary(c => c.Gate);

        Assert.Equal(ReportComparer.StatusChanged, changes["pass-gate"].Change);
        Assert.Equal((GateStatus.Pass, 0.95, GateStatus.Fail, 0.1), (changes["pass-gate"].PreviousStatus!.Value, changes["pass-gate"].PreviousValue!.Value, changes["pass-gate"].CurrentStatus!.Value, changes["pass-gate"].CurrentValue!.Value));
        Assert.Equal(ReportComparer.ValueChanged, changes["warn-gate"].Change);
        Assert.Equal(ReportComparer.Removed, changes["fail-gate"].Change);
        Assert.Null(changes["fail-gate"].CurrentStatus);
        Assert.Equal(ReportComparer.New, changes["brand-new"].Change);
        Assert.Equal(ReportComparer.Unchanged, changes["missing-gate"].Change);
        Assert.Equal("pass 0.95 → fail 0.1", ReportComparer.Describe(changes["pass-gate"]));
    }
}
