using Socrates.Evidence;
using System.Diagnostics;

namespace Socrates.Benchmarks.Paired;

/// <summary>
/// Runs every selected pair in a process of its own (this harness again, with
/// <c>--paired-in-process --paired-filter {id}</c>), under the JIT settings of <see cref="JitSettings"/>.
/// </summary>
/// <remarks>
/// <para>Why one process per pair: in one shared process a pair's code and heap depended on the pairs
/// that ran before it, and the point load read 0.93 or 1.09 of its floor depending on the process
/// (docs/benchmarks.md). Why pinned JIT settings: with the runtime's defaults, about one process
/// in four never finished tiering up some of the measured code within the warm-up (the tiered JIT
/// counts calls only after 100 ms without new tier-0 methods, and the measurement keeps jitting);
/// such a process ran both sides of the point load about 1.6x slower and read 1.19-1.72 instead of
/// 1.06-1.13. With <c>DOTNET_TC_CallCountingDelayMs=0</c> calls are counted at once: 8 of 8 processes
/// read 1.06-1.09, and every process ran the floor about 25 % faster than before. Dynamic PGO stays
/// off as before (its code depended on which calls it happened to profile).</para>
/// <para>Children inherit this process's environment (SOCRATES_FAILPOINTS, SOCRATES_ARTIFACTS)
/// and console; a child that fails, or exits without writing its samples, is a problem of the run.</para>
/// </remarks>
public static class PairedProcesses
{
    /// <summary>The JIT configuration every paired measurement runs under (environment variables read at runtime start).</summary>
    public static IReadOnlyDictionary<string, string> JitSettings { get; } = new Dictionary<string, string>
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };

    /// <summary>The settings of <see cref="JitSettings"/> this process does not run under ("NAME=value" each); empty when it runs under all.</summary>
    public static IReadOnlyList<string> MissingJitSettings() =>
        [.. JitSettings.Where(s => Environment.GetEnvironmentVariable(s.Key) != s.Value).Select(s => $"{s.Key}={s.Value}")];

    /// <summary>
    /// Runs each pair of <paramref name="ids"/> in <see cref="PairedSuite.ProcessesFor"/> child processes
    /// with <paramref name="arguments"/> (profile and artifacts root <paramref name="artifactsPath"/>)
    /// and returns the sample files kept in <paramref name="directory"/>; failures go to <paramref name="problems"/>.
    /// </summary>
    /// <remarks>
    /// A pair measured in several processes keeps the process whose <i>baseline</i> side had the
    /// lowest median time, and <c>{id}.processes.txt</c> beside it lists them all. On this shared
    /// machine about one process in six runs at half speed (both sides of a pair slower: the
    /// point-load floor 190-290 µs instead of 108-127 µs; the cause is outside the guest, whose steal
    /// time stays 0), and there the candidate's ratio leaves its normal 1.05-1.11 for 1.53-1.76 or 0.80-0.90. The choice looks at the baseline
    /// side only, so it is blind to the candidate: a slower candidate shows in every process and in
    /// the one kept. The repeats are spread over the run (each round mixes them with single pairs),
    /// because a slow spell lasts tens of seconds.
    /// </remarks>
    public static IReadOnlyList<string> Run(IReadOnlyList<string> ids, IReadOnlyList<string> arguments, string artifactsPath, string directory, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(problems);
        Directory.CreateDirectory(directory);
        var attemptsRoot = Path.Combine(artifactsPath, "paired-processes");
        if (Directory.Exists(attemptsRoot))
        {
            Directory.Delete(attemptsRoot, recursive: true);
        }

        var attempts = ids.ToDictionary(id => id, _ => new List<string>());
        foreach (var id in ids)
        {
            File.Delete(Path.Combine(directory, id + ".json"));
            File.Delete(Path.Combine(directory, id + ProcessesSuffix));
        }

        foreach (var (id, attempt) in Schedule(ids))
        {
            var attemptArtifacts = Path.Combine(attemptsRoot, $"{id}-{attempt}");
            var samples = Path.Combine(attemptArtifacts, "paired", id + ".json");
            var exitCode = RunChild(id, [.. arguments, "--artifacts", attemptArtifacts]);
            if (exitCode != 0)
            {
                problems.Add($"paired {id} (process {attempt}): exited with code {exitCode} (see its output above)");
            }
            else if (!File.Exists(samples))
            {
                problems.Add($"paired {id} (process {attempt}): exited 0 without writing {samples}");
            }
            else
            {
                attempts[id].Add(samples);
            }
        }

        var written = new List<string>();
        foreach (var id in ids.Where(id => attempts[id].Count > 0))
        {
            written.Add(Keep(id, attempts[id], directory));
        }

        return written;
    }

    /// <summary>File beside a kept samples file listing every process's figures.</summary>
    public const string ProcessesSuffix = ".processes.txt";

    /// <summary>
    /// The order of the child processes: round r runs every pair measured in more than r processes,
    /// then every k-th of the pairs measured once, so the repeats of a pair lie apart in time.
    /// </summary>
    public static IReadOnlyList<(string Id, int Attempt)> Schedule(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var repeated = ids.Where(id => PairedSuite.ProcessesFor(id) > 1).ToList();
        var singles = ids.Where(id => PairedSuite.ProcessesFor(id) <= 1).ToList();
        var rounds = Math.Max(1, repeated.Count == 0 ? 1 : repeated.Max(PairedSuite.ProcessesFor));
        var schedule = new List<(string, int)>();
        for (var round = 0; round < rounds; round++)
        {
            schedule.AddRange(repeated.Where(id => PairedSuite.ProcessesFor(id) > round).Select(id => (id, round + 1)));
            schedule.AddRange(singles.Where((_, i) => i % rounds == round).Select(id => (id, 1)));
        }

        return schedule;
    }

    /// <summary>
    /// Copies the samples of the process whose baseline side had the lowest median time to
    /// <c>{directory}/{id}.json</c>, writes <c>{id}.processes.txt</c> beside it, and returns the copy's path.
    /// </summary>
    internal static string Keep(string id, IReadOnlyList<string> attempts, string directory)
    {
        var measured = attempts
            .Select(path => (Path: path, Samples: PairedSamplesFile.Read(path)))
            .Select(a => (a.Path, Baseline: Median(a.Samples.Rounds.Select(r => r.BaselineNs)), Ratio: Median(a.Samples.Rounds.Select(r => r.CandidateNs / r.BaselineNs))))
            .ToList();
        var kept = measured.MinBy(a => a.Baseline);
        var target = Path.Combine(directory, id + ".json");
        File.Copy(kept.Path, target, overwrite: true);
        File.WriteAllLines(Path.Combine(directory, id + ProcessesSuffix),
        [
            $"{id}: {measured.Count} process(es); kept the one whose baseline side had the lowest median time",
            .. measured.Select((a, i) => $"process {i + 1}: baseline median {a.Baseline:F0} ns, candidate/baseline median {a.Ratio:F4}{(a.Path == kept.Path ? "  <- kept" : string.Empty)}"),
        ]);
        if (measured.Count > 1)
        {
            Console.WriteLine($"paired: {id}: kept 1 of {measured.Count} processes (baseline medians {string.Join(", ", measured.Select(a => a.Baseline.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ns)");
        }

        return target;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int RunChild(string id, IReadOnlyList<string> arguments)
    {
        var start = SelfStartInfo();
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--paired-in-process");
        start.ArgumentList.Add("--paired-filter");
        start.ArgumentList.Add(id);
        foreach (var (name, value) in JitSettings)
        {
            start.Environment[name] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"paired {id}: the process did not start ({start.FileName})");
        child.WaitForExit();
        return child.ExitCode;
    }

    /// <summary>This harness as a new process: the apphost itself, or <c>dotnet Socrates.Benchmarks.dll</c>.</summary>
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable to run the pairs in their own processes.");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(PairedProcesses).Assembly.Location);
        }

        return start;
    }
}
