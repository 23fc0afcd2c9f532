using Socrates.Gates.Evaluation;

namespace Socrates.Gates.Reporting;

/// <summary>
/// Counts problems by cause, not by red gate. A test that wrote a gate's figure and then failed
/// its assertion turns two gates red (the gate, and the test-result gate such as tests-pass);
/// that is one problem, shown on the gate's line. Failed tests tied to no red gate remain a
/// problem of the test-result gate. Pure: works on the report model.
/// </summary>
internal static class ReportCauses
{
    private const string TestsPrefix = "tests.";

    /// <summary>How many unexplained failed tests a banner line names; the rest are counted (the full list is under Tests).</summary>
    private const int NamedInBanner = 5;

    public sealed record Result(IReadOnlyList<ReportGate> Gates, IReadOnlyList<ReportTestSuite> Tests, IReadOnlyList<ReportCause> Causes);

    public static Result Analyse(IReadOnlyList<ReportGate> gates, IReadOnlyList<ReportTestSuite> tests, bool canariesExpected)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(tests);
        var counted = gates.Where(g => g.Status != GateStatus.Skipped).ToList();
        var writers = counted.Where(g => !IsTestResultGate(g) && g.Test is not null).ToList();
        var failed = tests
            .SelectMany(t => t.FailedTests.Select(f => (t.Suite, Test: f, Gates: writers.Where(g => TestNames.SameTest(f.Name, g.Test)).Select(g => g.Id).ToList())))
            .ToList();
        var redIds = counted.Where(IsRed).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var redTestGates = counted.Where(g => IsRed(g) && IsTestResultGate(g)).ToList();

        var tiedGates = gates.Select(g =>
        {
            var own = failed.Where(f => f.Gates.Contains(g.Id, StringComparer.Ordinal)).ToList();
            var alsoRed = redTestGates.Where(t => own.Any(f => Covers(t, f.Suite))).Select(t => t.Id).ToList();
            return g with { FailedTests = [.. own.Select(f => f.Test.Name)], AlsoRed = alsoRed };
        }).ToList();
        var tiedTests = tests.Select(t => t with
        {
            FailedTests = [.. t.FailedTests.Select(f => f with { Gates = writers.Where(g => TestNames.SameTest(f.Name, g.Test)).Select(g => g.Id).ToList() })],
        }).ToList();

        var causes = new List<ReportCause>();
        if (counted.Count == 0)
        {
            causes.Add(new ReportCause(ReportCause.Red, null, "no gate applies to this profile: nothing was proven", [], []));
        }

        foreach (var gate in tiedGates.Where(g => IsRed(g) && !IsTestResultGate(g)))
        {
            var also = gate.AlsoRed.Count > 0 ? $", and its test failed ({string.Join(", ", gate.AlsoRed)})"
                : gate.FailedTests.Count > 0 ? ", and its test failed"
                : "";
            causes.Add(new ReportCause(ReportCause.Red, gate.Id, Headline(gate) + also, gate.AlsoRed, gate.FailedTests));
        }

        foreach (var gate in redTestGates)
        {
            var cause = TestResultCause(gate, tests, failed, redIds);
            if (cause is not null)
            {
                causes.Add(cause);
            }
        }

        foreach (var gate in counted)
        {
            if (gate.Canary.Status == CanaryStatus.Insensitive)
            {
                causes.Add(new ReportCause(ReportCause.Canary, gate.Id, $"{gate.Id} ({gate.Title}): canary insensitive: {gate.Canary.Reason}", [], []));
            }
            else if (canariesExpected && gate.Canary.Status == CanaryStatus.NotRun)
            {
                causes.Add(new ReportCause(ReportCause.Canary, gate.Id, $"{gate.Id} ({gate.Title}): canary expected but not run: {gate.Canary.Reason}", [], []));
            }
        }

        causes.AddRange(counted.Where(g => g.Status == GateStatus.Inconclusive)
            .Select(g => new ReportCause(ReportCause.Inconclusive, g.Id, $"{g.Id} ({g.Title}): {g.Reason}", [], [])));
        causes.AddRange(counted.Where(g => canariesExpected && g.Canary.Status == CanaryStatus.Inconclusive)
            .Select(g => new ReportCause(ReportCause.Inconclusive, g.Id, $"{g.Id} ({g.Title}): canary inconclusive: {g.Canary.Reason}", [], [])));
        causes.AddRange(counted.Where(g => g.Status == GateStatus.Warn)
            .Select(g => new ReportCause(ReportCause.Warn, g.Id, $"{g.Id} ({g.Title}): {ReportWords.Value(g)}, {g.Reason}", [], [])));
        return new Result(tiedGates, tiedTests, causes);
    }

    /// <summary>A gate decided on a figure derived from the test results (<c>tests.*</c>).</summary>
    public static bool IsTestResultGate(ReportGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return gate.Metric.StartsWith(TestsPrefix, StringComparison.Ordinal);
    }

    /// <summary>The red gate's line: title, measured value and threshold (<c>soak-heap (Heap per op): 322 B/op &gt; fail 256</c>).</summary>
    private static string Headline(ReportGate gate)
    {
        var op = gate.Direction == Config.Direction.Max ? ">" : "<";
        var measured = gate.Status == GateStatus.Missing
            ? $"metric '{gate.Metric}' not measured"
            : $"{ReportWords.Value(gate)} {op} fail {NumberFormat.Of(gate.Fail)}";
        return $"{gate.Id} ({gate.Title}): {measured}";
    }

    /// <summary>
    /// The problem a red test-result gate stands for once the failed tests that red gates explain
    /// are taken out; null when they explain every failure in its scope. Only failure counts
    /// (<c>failed</c>, <c>pass_rate</c>) can be explained that way.
    /// </summary>
    private static ReportCause? TestResultCause(
        ReportGate gate,
        IReadOnlyList<ReportTestSuite> tests,
        IReadOnlyList<(string Suite, ReportFailedTest Test, List<string> Gates)> failed,
        HashSet<string> redIds)
    {
        var inScope = failed.Where(f => Covers(gate, f.Suite)).ToList();
        var explained = inScope.Where(f => f.Gates.Any(redIds.Contains)).ToList();
        var unexplained = inScope.Except(explained).ToList();
        var failures = tests.Where(t => Covers(gate, t.Suite)).Sum(t => t.Failed);
        var unlisted = Math.Max(0, failures - inScope.Count);
        if (IsFailureCount(gate) && explained.Count > 0 && unexplained.Count == 0 && unlisted == 0)
        {
            return null;
        }

        var names = unexplained.Select(f => f.Gates.Count == 0 ? f.Test.Name : $"{f.Test.Name} (wrote {string.Join(", ", f.Gates)})").ToList();
        var named = names.Count > NamedInBanner ? [.. names.Take(NamedInBanner), $"and {names.Count - NamedInBanner} more"] : names;
        var detail = names.Count == 0 && unlisted == 0 ? ""
            : $"; {Plural(names.Count + unlisted, "failed test")} tied to no red gate" + (names.Count > 0 ? ": " + string.Join(", ", named) : "")
              + (unlisted > 0 ? $" ({unlisted} not named in the result files)" : "");
        return new ReportCause(ReportCause.Red, gate.Id, Headline(gate) + detail, [], [.. unexplained.Select(f => f.Test.Name)]);
    }

    private static bool IsFailureCount(ReportGate gate) =>
        gate.Metric.EndsWith(".failed", StringComparison.Ordinal) || gate.Metric.EndsWith(".pass_rate", StringComparison.Ordinal);

    /// <summary>Whether a test-result gate counts the tests of <paramref name="suite"/>: <c>tests.x</c> counts all, <c>tests.{suite}.x</c> one suite.</summary>
    private static bool Covers(ReportGate gate, string suite)
    {
        var rest = gate.Metric[TestsPrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || string.Equals(rest[..dot], suite, StringComparison.Ordinal);
    }

    private static bool IsRed(ReportGate gate) => gate.Status is GateStatus.Fail or GateStatus.Missing;

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
