namespace Socrates.Benchmarks.Harness;

/// <summary>
/// The harness's own command line: <c>--profile quick|ci|full</c>, <c>--artifacts DIR</c>,
/// <c>--paired</c> (run the paired, interleaved comparisons after BenchmarkDotNet),
/// <c>--paired-only</c> (run only those), <c>--paired-filter TEXT</c> (repeatable: pairs whose
/// id contains it) and <c>--paired-in-process</c> (measure the pairs in this process, one after the
/// other, instead of each in its own: how the harness runs its children, and a way to profile a pair),
/// <c>--metric NAME</c> (repeatable: run only what feeds these metrics, <see cref="Targeting.MetricPlan"/>)
/// and <c>--comparisons FILE</c> (where <c>--metric</c> looks the comparisons up; default: benchmarks/comparisons.json
/// found from the working directory up); everything else (e.g. <c>--filter *Sqlite*</c>) is passed to BenchmarkDotNet unchanged.
/// </summary>
public sealed record HarnessOptions(BenchmarkProfile Profile, string ArtifactsPath, IReadOnlyList<string> BenchmarkDotNetArguments)
{
    /// <summary>Run the paired comparisons (after BenchmarkDotNet unless <see cref="PairedOnly"/>).</summary>
    public bool Paired { get; init; }

    /// <summary>Skip BenchmarkDotNet: only the paired comparisons.</summary>
    public bool PairedOnly { get; init; }

    /// <summary>Measure the selected pairs in this process rather than each in a child process (<see cref="Paired.PairedProcesses"/>).</summary>
    public bool PairedInProcess { get; init; }

    /// <summary>Substrings selecting pairs by id; empty selects all.</summary>
    public IReadOnlyList<string> PairedFilters { get; init; } = [];

    /// <summary>Metric names of a targeted run; empty for an ordinary run.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>The comparisons file given with <c>--comparisons</c>, or null to locate the default.</summary>
    public string? ComparisonsPath { get; init; }

    public const string DefaultArtifacts = "artifacts/benchmarks";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the bad argument.</summary>
    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var profileName = Environment.GetEnvironmentVariable("SOCRATES_PROFILE");
        string? artifacts = null;
        var rest = new List<string>();
        var paired = false;
        var pairedOnly = false;
        var pairedInProcess = false;
        var pairedFilters = new List<string>();
        var metrics = new List<string>();
        string? comparisons = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--profile":
                    profileName = ValueOf(args, ref i);
                    break;
                case "--artifacts":
                case "--artifactsPath":
                    artifacts = ValueOf(args, ref i);
                    break;
                case "--paired":
                    paired = true;
                    break;
                case "--paired-only":
                    paired = pairedOnly = true;
                    break;
                case "--paired-in-process":
                    paired = true;
                    pairedInProcess = true;
                    break;
                case "--paired-filter":
                    paired = true;
                    pairedFilters.Add(ValueOf(args, ref i));
                    break;
                case "--metric":
                    metrics.Add(ValueOf(args, ref i));
                    break;
                case "--comparisons":
                    comparisons = ValueOf(args, ref i);
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        var profile = string.IsNullOrWhiteSpace(profileName)
            ? BenchmarkProfile.Quick
            : BenchmarkProfile.Find(profileName)
              ?? throw new ArgumentException($"--profile '{profileName}' is not a profile; use quick, ci or full.");

        var hasFilter = rest.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal));
        if (metrics.Count > 0 && (hasFilter || pairedFilters.Count > 0))
        {
            // The metrics decide what runs; a filter as well would leave it unclear which wins.
            throw new ArgumentException("--metric selects the benchmarks and pairs itself: give it without --filter or --paired-filter.");
        }

        // Without a filter BenchmarkDotNet asks on the console which benchmark to run: never in a pipeline.
        // A targeted run gets its filter from its metrics (Program.cs).
        if (!hasFilter && metrics.Count == 0)
        {
            rest.Add("--filter");
            rest.Add("*");
        }

        return new HarnessOptions(profile, Path.GetFullPath(artifacts ?? DefaultArtifacts), rest)
        {
            Paired = paired,
            PairedOnly = pairedOnly,
            PairedInProcess = pairedInProcess,
            PairedFilters = pairedFilters,
            Metrics = metrics,
            ComparisonsPath = comparisons is null ? null : Path.GetFullPath(comparisons),
        };
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        i++;
        return args[i];
    }
}
