namespace Socrates.Gates.Canaries;

/// <summary>
/// Which tests of a suite checked which failpoint in the clean run: the files the test kit writes
/// under <c>reach/{suite}/</c> (<c>{assembly}.{process}.tsv</c>, lines <c>failpoint TAB test</c>).
/// A test that never checks a failpoint behaves the same with it on, so these are the only tests
/// whose outcome a canary on a test-count gate can change.
/// </summary>
internal sealed class FailpointReachIndex
{
    public const string Folder = "reach";

    private readonly Dictionary<(string Suite, string Failpoint), SortedSet<(string Assembly, string Test)>> _tests = [];
    private readonly HashSet<string> _recordedSuites = new(StringComparer.Ordinal);

    public static FailpointReachIndex Read(string artifactsRoot)
    {
        var index = new FailpointReachIndex();
        var root = Path.Combine(artifactsRoot, Folder);
        if (!Directory.Exists(root))
        {
            return index;
        }

        foreach (var suiteFolder in Directory.EnumerateDirectories(root))
        {
            var suite = Path.GetFileName(suiteFolder);
            index._recordedSuites.Add(suite);
            foreach (var file in Directory.EnumerateFiles(suiteFolder, "*.tsv"))
            {
                var assembly = AssemblyOf(Path.GetFileName(file));
                foreach (var line in File.ReadLines(file))
                {
                    var tab = line.IndexOf('\t', StringComparison.Ordinal);
                    if (tab > 0 && tab < line.Length - 1)
                    {
                        index.Add(suite, line[..tab], assembly, line[(tab + 1)..]);
                    }
                }
            }
        }

        return index;
    }

    public void Add(string suite, string failpoint, string assembly, string test)
    {
        _recordedSuites.Add(suite);
        if (!_tests.TryGetValue((suite, failpoint), out var set))
        {
            _tests[(suite, failpoint)] = set = [];
        }

        set.Add((assembly, test));
    }

    /// <summary>Whether the clean run of <paramref name="suite"/> recorded reach at all.</summary>
    public bool Recorded(string suite) => _recordedSuites.Contains(suite);

    public IReadOnlyCollection<(string Assembly, string Test)> Reaching(string suite, string failpoint) =>
        _tests.TryGetValue((suite, failpoint), out var set) ? set : [];

    // "Socrates.Core.Tests.dll.4242.tsv" -> "Socrates.Core.Tests.dll"
    private static string AssemblyOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var dot = stem.LastIndexOf('.');
        return dot > 0 ? stem[..dot] : stem;
    }
}
