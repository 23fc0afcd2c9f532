using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Socrates.Gates.Metrics;

/// <summary>
/// Reads VSTest result files <c>test-results/{suite}.trx</c> (or <c>{suite}.{part}.trx</c> when
/// several test projects make up one suite: the suite is the file name up to its first dot) and derives <c>tests.total</c>,
/// <c>tests.passed</c>, <c>tests.failed</c>, <c>tests.skipped</c>, <c>tests.pass_rate</c> and the
/// same per suite (<c>tests.{suite}.total</c>, ...). Failed counts every outcome that is not a
/// pass or a skip (Failed, Error, Timeout, Aborted, ...), plus one when the run itself ended in
/// failure with no failed test recorded (a crashed test host). An unreadable file counts as one
/// failure.
/// </summary>
internal sealed class TrxSource : IMetricSource
{
    public const string Folder = "test-results";
    public const string Unit = "tests";

    /// <summary>How many failed tests one file lists by name; a crashed run can fail thousands.</summary>
    public const int MaxFailedTestsListed = 50;

    private const int MaxMessageLength = 300;

    /// <summary>Enough frames to see the failing assertion and the code under it.</summary>
    private const int MaxStackFrames = 5;

    /// <summary>A message line starting so names the command that replays a failed property's cases.</summary>
    public const string ReplayPrefix = "Replay:";

    private static readonly string[] s_passOutcomes = ["Passed", "PassedButRunAborted", "Warning"];
    private static readonly string[] s_skipOutcomes = ["NotExecuted", "Inconclusive", "NotRunnable", "Disconnected", "Pending", "InProgress"];
    private static readonly string[] s_failedRunOutcomes = ["Failed", "Error", "Aborted", "Timeout"];

    public string Name => "test results";

    public MetricSourceResult Read(string artifactsRoot)
    {
        var directory = Path.Combine(artifactsRoot, Folder);
        if (!Directory.Exists(directory))
        {
            return MetricSourceResult.Empty;
        }

        var suites = new List<TestSuiteCounts>();
        var problems = new List<InputProblem>();
        var writtenAt = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory, "*.trx").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var origin = ArtifactPath.Relative(artifactsRoot, file);
            var suite = SuiteOf(file);
            var (counts, finished) = ReadFile(file, suite, origin);
            if (counts.Error is not null)
            {
                problems.Add(new InputProblem(origin, $"unreadable test results for suite '{suite}', counted as a failed suite: {counts.Error}"));
            }

            suites.Add(counts);
            var previous = writtenAt.GetValueOrDefault(suite);
            writtenAt[suite] = previous is null || finished > previous ? finished ?? previous : previous;
        }

        return new MetricSourceResult(ToSamples(suites, writtenAt), problems) { TestSuites = suites, Files = files };
    }

    /// <summary>The suite a result file belongs to: its name up to the first dot (<c>unit.core.trx</c> is suite <c>unit</c>).</summary>
    internal static string SuiteOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>Reads one TRX file; never throws for a bad file (the error lands in the counts).</summary>
    internal static (TestSuiteCounts Counts, DateTimeOffset? Finished) ReadFile(string path, string suite, string origin)
    {
        try
        {
            var document = XDocument.Load(path);
            return (Count(document, suite, origin), Finished(document) ?? File.GetLastWriteTimeUtc(path));
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException or FormatException)
        {
            return (new TestSuiteCounts(suite, 0, 0, 1, 0, origin, ex.Message), null);
        }
    }

    /// <summary>Counts the results in a parsed TRX document.</summary>
    /// <exception cref="FormatException">The document is not a TRX test run.</exception>
    internal static TestSuiteCounts Count(XDocument document, string suite, string origin)
    {
        var run = document.Root;
        if (run is null || run.Name.LocalName != "TestRun")
        {
            throw new FormatException($"the root element is <{run?.Name.LocalName}>, not <TestRun>");
        }

        var results = run.Elements().Where(e => e.Name.LocalName == "Results").Elements()
            .Where(e => e.Name.LocalName.EndsWith("TestResult", StringComparison.Ordinal))
            .ToList();
        var summary = run.Elements().FirstOrDefault(e => e.Name.LocalName == "ResultSummary");
        if (summary is null && results.Count == 0)
        {
            throw new FormatException("no <ResultSummary> and no test results: the run did not finish writing this file");
        }

        int passed, failed, skipped;
        List<FailedTest> failedTests = [];
        if (results.Count > 0)
        {
            var outcomes = results.Select(r => (string?)r.Attribute("outcome") ?? "NotExecuted").ToList();
            passed = outcomes.Count(o => s_passOutcomes.Contains(o, StringComparer.Ordinal));
            skipped = outcomes.Count(o => s_skipOutcomes.Contains(o, StringComparer.Ordinal));
            failed = outcomes.Count - passed - skipped;
            failedTests = results
                .Where(r => !IsPassOrSkip((string?)r.Attribute("outcome") ?? "NotExecuted"))
                .Take(MaxFailedTestsListed)
                .Select(ToFailedTest)
                .ToList();
        }
        else
        {
            var counters = summary!.Elements().FirstOrDefault(e => e.Name.LocalName == "Counters");
            passed = Counter(counters, "passed");
            failed = Counter(counters, "failed") + Counter(counters, "error") + Counter(counters, "timeout") + Counter(counters, "aborted");
            skipped = Counter(counters, "notExecuted") + Counter(counters, "inconclusive") + Counter(counters, "notRunnable");
        }

        var runOutcome = (string?)summary?.Attribute("outcome");
        if (failed == 0 && runOutcome is not null && s_failedRunOutcomes.Contains(runOutcome, StringComparer.Ordinal))
        {
            failed = 1;
        }

        return new TestSuiteCounts(suite, passed + failed + skipped, passed, failed, skipped, origin) { FailedTests = failedTests };
    }

    private static bool IsPassOrSkip(string outcome) =>
        s_passOutcomes.Contains(outcome, StringComparer.Ordinal) || s_skipOutcomes.Contains(outcome, StringComparer.Ordinal);

    /// <summary>
    /// The name, the first non-empty line of the error message, the first frames of the stack and
    /// the replay line of a result element.
    /// </summary>
    private static FailedTest ToFailedTest(XElement result)
    {
        var name = (string?)result.Attribute("testName") ?? (string?)result.Attribute("testId") ?? "(unnamed test)";
        var message = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
        var lines = message?.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList() ?? [];
        var stack = result.Descendants().FirstOrDefault(e => e.Name.LocalName == "StackTrace")?.Value;
        var frames = (stack ?? "").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at ", StringComparison.Ordinal))
            .Take(MaxStackFrames)
            .Select(Shorten)
            .ToList();
        var replay = lines.FirstOrDefault(l => l.StartsWith(ReplayPrefix, StringComparison.Ordinal))?[ReplayPrefix.Length..].Trim();
        return new FailedTest(name, (string?)result.Attribute("outcome") ?? "NotExecuted", lines.Count == 0 ? null : Shorten(lines[0]))
        {
            StackFrames = frames,
            Replay = string.IsNullOrEmpty(replay) ? null : replay,
        };
    }

    private static string Shorten(string line) => line.Length > MaxMessageLength ? line[..MaxMessageLength] + "…" : line;

    /// <summary>Turns per-suite counts into metrics: totals over all suites, and per suite.</summary>
    internal static List<MetricSample> ToSamples(IReadOnlyList<TestSuiteCounts> suites, IReadOnlyDictionary<string, DateTimeOffset?>? writtenAt = null)
    {
        var samples = new List<MetricSample>();
        if (suites.Count == 0)
        {
            return samples;
        }

        DateTimeOffset? Stamp(string suite) => writtenAt?.GetValueOrDefault(suite);
        var latest = suites.Select(s => Stamp(s.Suite)).Max();
        var origin = suites.Count == 1 ? suites[0].Source : Folder + "/*.trx";
        var passed = suites.Sum(s => s.Passed);
        var failed = suites.Sum(s => s.Failed);
        samples.Add(Sample("tests.total", suites.Sum(s => s.Total), origin, latest));
        samples.Add(Sample("tests.passed", passed, origin, latest));
        samples.Add(Sample("tests.failed", failed, origin, latest));
        samples.Add(Sample("tests.skipped", suites.Sum(s => s.Skipped), origin, latest));
        samples.Add(Sample("tests.pass_rate", PassRate(passed, failed), origin, latest, "ratio"));
        foreach (var group in suites.GroupBy(s => s.Suite, StringComparer.Ordinal))
        {
            var prefix = $"tests.{group.Key}.";
            var files = group.ToList();
            var source = files.Count == 1 ? files[0].Source : $"{Folder}/{group.Key}.*.trx";
            samples.Add(Sample(prefix + "total", files.Sum(f => f.Total), source, Stamp(group.Key)));
            samples.Add(Sample(prefix + "passed", files.Sum(f => f.Passed), source, Stamp(group.Key)));
            samples.Add(Sample(prefix + "failed", files.Sum(f => f.Failed), source, Stamp(group.Key)));
            samples.Add(Sample(prefix + "skipped", files.Sum(f => f.Skipped), source, Stamp(group.Key)));
        }

        return samples;
    }

    /// <summary>passed / (passed + failed); 1 when nothing passed or failed.</summary>
    internal static double PassRate(int passed, int failed) => passed + failed == 0 ? 1.0 : (double)passed / (passed + failed);

    private static MetricSample Sample(string name, double value, string origin, DateTimeOffset? writtenAt, string unit = Unit) =>
        new(name, value, unit, origin, null, null, null, writtenAt, origin);

    private static int Counter(XElement? counters, string name) =>
        int.TryParse((string?)counters?.Attribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static DateTimeOffset? Finished(XDocument document)
    {
        var times = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Times");
        return DateTimeOffset.TryParse((string?)times?.Attribute("finish"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var finish)
            ? finish
            : null;
    }
}
