using System.Globalization;
using System.Text.Json;

namespace Socrates.Gates.Tests.TestSupport;

/// <summary>A throwaway artifacts folder (and gates file) under the temp directory, deleted on dispose.</summary>
internal sealed class TempArtifacts : IDisposable
{
    public TempArtifacts()
    {
        Directory = Path.Combine(Path.GetTempPath(), "socrates-gates-tests", Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Directory, "artifacts");
        System.IO.Directory.CreateDirectory(Root);
    }

    /// <summary>The test's own folder (holds gates.json and artifacts/).</summary>
    public string Directory { get; }

    /// <summary>The artifacts root.</summary>
    public string Root { get; }

    public string GatesFile => Path.Combine(Directory, "gates.json");

    public string OutDir => Path.Combine(Root, "gates");

    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>Writes a metric file in the single-object form, under <paramref name="root"/> (default: the artifacts root).</summary>
    public string WriteMetric(
        string name,
        double value,
        string unit = "ratio",
        string? evidence = null,
        string? root = null,
        DateTimeOffset? writtenAt = null,
        string[]? failpoints = null,
        string? test = null,
        string? inconclusiveReason = null,
        string? assembly = null,
        string profile = "quick",
        string? dataset = null)
    {
        var record = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["value"] = value,
            ["unit"] = unit,
            ["evidence"] = evidence,
            ["suite"] = "unit",
            ["profile"] = profile,
            ["failpoints"] = failpoints ?? [],
            ["writtenAt"] = (writtenAt ?? DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture)).ToString("O", CultureInfo.InvariantCulture),
            ["test"] = test,
            ["assembly"] = assembly,
            ["status"] = inconclusiveReason is null ? "measured" : "inconclusive",
            ["reason"] = inconclusiveReason,
        };
        if (dataset is not null)
        {
            record["dataset"] = dataset;
        }

        return WriteFile(Path.Combine(root ?? Root, "metrics", name + ".json"), JsonSerializer.Serialize(record));
    }

    public string WriteTrx(string suite, string sample, string? root = null) =>
        Copy(SamplePath(sample), Path.Combine(root ?? Root, "test-results", suite + ".trx"));

    public string WriteCoverage(string? root = null) =>
        Copy(SamplePath("coverage-summary.json"), Path.Combine(root ?? Root, "coverage", "Summary.json"));

    public string CanaryRoot(string gateId)
    {
        var path = Path.Combine(Root, "canaries", gateId);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public string WriteGates(string json) => WriteFile(GatesFile, json);

    public static string WriteFile(string path, string content)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Copy(string from, string to)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        return to;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }
}
