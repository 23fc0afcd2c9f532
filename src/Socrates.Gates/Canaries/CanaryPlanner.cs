using Socrates.Gates.Config;

namespace Socrates.Gates.Canaries;

/// <summary>
/// Plans the canary phase from the gates and the clean run of the same pipeline: each canary
/// reruns only what feeds its gate, with its defect on.
/// <list type="bullet">
/// <item>A gate on a metric a test writes: the tests that wrote it in the clean run (<see cref="MetricWriters"/>).</item>
/// <item>A gate on the test results (<c>tests.*</c>): the tests of its suite that checked its failpoint
/// in the clean run (<see cref="FailpointReachIndex"/>); no other test can change outcome.</item>
/// <item>A benchmark gate: its metric, which the benchmark program and the comparisons turn into
/// the one benchmark or pair that feeds it.</item>
/// <item>A coverage gate: its known-bad fixture, read directly (no run).</item>
/// </list>
/// Gates of one suite with the same defect share one run. What cannot be targeted is named as a
/// problem of that gate, never silently widened or dropped.
/// </summary>
internal static class CanaryPlanner
{
    public const string BenchmarkSuite = "benchmarks";
    public const string CoverageSuite = "coverage";
    private const string TestResultsPrefix = "tests.";

    public static IReadOnlyList<CanaryRun> Plan(GateConfig config, string profile, MetricWriters writers, FailpointReachIndex reach)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(writers);
        ArgumentNullException.ThrowIfNull(reach);
        var runs = new List<CanaryRun>();
        var groups = config.GatesFor(profile)
            .Where(g => g.Canary is not null)
            .GroupBy(g => (g.Suite, g.Canary!.Failpoint, g.Canary.Fixture));
        foreach (var group in groups)
        {
            var gates = group.ToList();
            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var tests = new Dictionary<string, SortedSet<string>?>(StringComparer.Ordinal);
            var benchmarkMetrics = new List<string>();
            foreach (var gate in gates)
            {
                if (gate.Suite == CoverageSuite)
                {
                    continue;
                }

                if (gate.Suite == BenchmarkSuite)
                {
                    if (!benchmarkMetrics.Contains(gate.Metric, StringComparer.Ordinal))
                    {
                        benchmarkMetrics.Add(gate.Metric);
                    }

                    continue;
                }

                var problem = gate.Metric.StartsWith(TestResultsPrefix, StringComparison.Ordinal)
                    ? TargetReach(gate, reach, tests)
                    : TargetWriters(gate, writers, tests);
                if (problem is not null)
                {
                    problems[gate.Id] = problem;
                }
            }

            var targets = tests
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new TestTarget(t.Key, t.Value is null ? [] : [.. t.Value]))
                .ToList();
            var (suite, failpoint, fixture) = group.Key;
            runs.Add(new CanaryRun([.. gates.Select(g => g.Id)], suite, failpoint, fixture, targets, benchmarkMetrics, problems));
        }

        return runs;
    }

    private static string? TargetWriters(GateDefinition gate, MetricWriters writers, Dictionary<string, SortedSet<string>?> tests)
    {
        var found = writers.Of(gate.Metric);
        if (found.Count == 0)
        {
            return $"the clean run wrote no metric '{gate.Metric}', so no test is known to feed this gate";
        }

        foreach (var (assembly, test) in found)
        {
            if (assembly is null)
            {
                return $"metric '{gate.Metric}' was written outside a test assembly that records test identity (RecordTestIdentity)";
            }

            AddTest(tests, assembly, test);
        }

        return null;
    }

    private static string? TargetReach(GateDefinition gate, FailpointReachIndex reach, Dictionary<string, SortedSet<string>?> tests)
    {
        var failpoint = gate.Canary!.Failpoint;
        if (failpoint is null)
        {
            return $"a gate on the test results needs a failpoint canary to target (it names {gate.Canary.Describe()})";
        }

        if (!reach.Recorded(gate.Suite))
        {
            return $"the clean run of suite '{gate.Suite}' did not record which tests check failpoints (SOCRATES_FAILPOINT_REACH)";
        }

        var reaching = reach.Reaching(gate.Suite, failpoint);
        if (reaching.Count == 0)
        {
            return $"no test of suite '{gate.Suite}' checked failpoint '{failpoint}' in the clean run, so none can fail under it";
        }

        foreach (var (assembly, test) in reaching)
        {
            AddTest(tests, assembly, test);
        }

        return null;
    }

    // A null test (written by a fixture, outside any test) widens its assembly to the whole suite.
    private static void AddTest(Dictionary<string, SortedSet<string>?> tests, string assembly, string? test)
    {
        if (tests.TryGetValue(assembly, out var set) && set is null)
        {
            return;
        }

        if (test is null)
        {
            tests[assembly] = null;
            return;
        }

        if (set is null)
        {
            tests[assembly] = set = new SortedSet<string>(StringComparer.Ordinal);
        }

        set.Add(test);
    }
}
