using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Socrates.Gates.Benchmarks.Paired;

namespace Socrates.Gates.Tests.Benchmarks.Paired;

/// <summary>
/// The harness writes the paired samples with its own records (benchmarks/.../PairedSamplesFile.cs:
/// the benchmark project does not reference the gate engine) and the engine reads them with
/// <see cref="PairedSamples"/> and <see cref="PairedRound"/>. The two must name the same JSON
/// properties, or a renamed field would silently read as null or 0.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class PairedSamplesContractTests
{
    [Fact]
    public void HarnessWriterAndEngineReader_SameJsonPropertyNames()
    {
        var source = File.ReadAllText(Path.Combine(SamplePaths.RepositoryRoot, "benchmarks", "Socrates.Benchmarks", "Paired", "PairedSamplesFile.cs"));
        var written = PropertyName().Matches(source).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        var read = JsonNames(typeof(PairedSamples)).Concat(JsonNames(typeof(PairedRound))).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(read, written);
    }

    private static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
            .OfType<string>();

    [GeneratedRegex("JsonPropertyName\\(\"([A-Za-z]+)\"\\)")]
    private static partial Regex PropertyName();
}
