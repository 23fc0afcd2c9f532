using Socrates.Core.Failpoints;

namespace Socrates.Testing;

/// <summary>
/// Failpoints of the test kit's checkers: they break the oracle itself, so the gates that trust
/// the oracle can be shown to go red.
/// </summary>
[FailpointCatalog]
public static class TestKitFailpoints
{
    /// <summary>The linearizability checker accepts any answer (a blind oracle): stale reads go unseen.</summary>
    public const string CheckerAcceptAnyAnswer = "checker.accept-any-answer";

    /// <summary>The linearizability checker refuses every completed operation: every history is a false alarm.</summary>
    public const string CheckerRejectEveryAnswer = "checker.reject-every-answer";

    /// <summary>The linearizability checker finds its budget spent at once: every non-empty history is Unknown.</summary>
    public const string CheckerBudgetSpent = "checker.budget-spent";
}
