using System.Globalization;

namespace Socrates.BenchmarkAnalysis.Output;

/// <summary>Human formatting of the figures in the Markdown and HTML fragments.</summary>
internal static class ValueFormat
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Metric(double? value, string unit) => value switch
    {
        null => "—",
        { } v when unit == "fraction" => (v * 100).ToString("+0.0;-0.0;0.0", s_invariant) + " %",
        { } v => v.ToString(Math.Abs(v) >= 100 ? "F0" : Math.Abs(v) >= 10 ? "F1" : "F3", s_invariant) + "x",
    };

    public static string Sample(double value, string unit) => unit switch
    {
        "ns" => Duration(value),
        "bytes" => Bytes(value),
        _ => value.ToString("G4", s_invariant) + " × ref",
    };

    public static string Duration(double ns) => Math.Abs(ns) switch
    {
        >= 1e9 => (ns / 1e9).ToString("G4", s_invariant) + " s",
        >= 1e6 => (ns / 1e6).ToString("G4", s_invariant) + " ms",
        >= 1e3 => (ns / 1e3).ToString("G4", s_invariant) + " µs",
        _ => ns.ToString("G4", s_invariant) + " ns",
    };

    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1 << 20 => (bytes / (1 << 20)).ToString("G4", s_invariant) + " MiB",
        >= 1 << 10 => (bytes / (1 << 10)).ToString("G4", s_invariant) + " KiB",
        _ => bytes.ToString("G4", s_invariant) + " B",
    };

    public static string Probability(double? p) => p switch
    {
        null => "—",
        < 0.0001 => "< 0.0001",
        { } v => v.ToString("0.0000", s_invariant),
    };

    public static string Number(double value, string format = "G6") => value.ToString(format, s_invariant);
}
