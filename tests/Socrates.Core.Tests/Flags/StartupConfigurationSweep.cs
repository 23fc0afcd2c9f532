using System.Text;
using Microsoft.Extensions.Configuration;
using Socrates.Core.Flags;

namespace Socrates.Core.Tests.Flags;

/// <summary>
/// Judges the whole startup check (configuration text in, <see cref="FlagsValidator.Load"/> out)
/// against the release plan's rules restated here, not the validator's own predicate, so a defect
/// anywhere on that path counts: in the rules, in the strict binder, in the environment mapping.
/// <list type="bullet">
/// <item>Every combination of the five flags on both schema states (64), written as the app reads
/// them: a JSON file, with every other flag overridden from the environment. Safe ones must start
/// with exactly the flags written; unsafe ones must be refused.</item>
/// <item>Careless configurations a person writes (a misspelt or unknown flag, a value that is not
/// true/false, a flag given as a section, the same through the environment): each must be
/// refused with <see cref="FlagConfigurationException"/>; one that starts is unsafe, because the
/// path it meant to switch is silently left as it was.</item>
/// </list>
/// </summary>
internal static class StartupConfigurationSweep
{
    /// <summary>Configurations that must never start, as (label, JSON of Socrates:Flags, environment).</summary>
    public static IReadOnlyList<(string Label, string Json, Dictionary<string, string> Environment)> Careless { get; } =
    [
        ("misspelt flag in JSON (V2Read)", """{"V2Read": true}""", []),
        ("unknown flag in JSON (Cache)", """{"Cache": true}""", []),
        ("flag name with a space", """{"V2 Reads": true}""", []),
        ("value 'yes'", """{"Caching": "yes"}""", []),
        ("value '1'", """{"Caching": "1"}""", []),
        ("value 'on'", """{"DualRun": "on"}""", []),
        ("empty value", """{"AsyncDatabase": ""}""", []),
        ("misspelt value 'ture'", """{"LazyLoading": "ture", "V2Reads": true}""", []),
        ("flag given as a section", """{"V2Reads": {"enabled": true}}""", []),
        ("flag given as an array", """{"Caching": [true]}""", []),
        ("misspelt flag in the environment", "{}", new() { ["SOCRATES_FLAGS__V2READ"] = "true" }),
        ("value 'yes' in the environment", "{}", new() { ["SOCRATES_FLAGS__CACHING"] = "yes" }),
        ("empty value in the environment", "{}", new() { ["SOCRATES_FLAGS__DUALRUN"] = string.Empty }),
        ("nested key in the environment", "{}", new() { ["SOCRATES_FLAGS__CACHING__ENABLED"] = "true" }),
    ];

    public static SweepResult Run()
    {
        var unsafeAccepted = new List<string>();
        var safeRefused = new List<string>();
        var cases = 0;
        foreach (var migrated in new[] { false, true })
        {
            for (var bits = 0; bits < 32; bits++)
            {
                cases++;
                var wanted = FromBits(bits);
                var expectedSafe = (!wanted.V2Reads || migrated) && (!wanted.DualRun || migrated) && (!wanted.LazyLoading || wanted.V2Reads);
                var label = $"migrated={migrated} on=[{string.Join(",", wanted.Enabled())}]";
                var (started, outcome) = Start(CombinationJson(bits), CombinationEnvironment(bits), migrated);
                if (started is not null && !expectedSafe)
                {
                    unsafeAccepted.Add(label);
                }
                else if (started is not null && !started.Enabled().SequenceEqual(wanted.Enabled()))
                {
                    // Started, but not with the flags written: a path is on (or off) that nobody asked for.
                    unsafeAccepted.Add($"{label}: started with on=[{string.Join(",", started.Enabled())}]");
                }
                else if (started is null && expectedSafe)
                {
                    safeRefused.Add($"{label}: {outcome}");
                }
            }
        }

        foreach (var migrated in new[] { false, true })
        {
            foreach (var (label, json, environment) in Careless)
            {
                cases++;
                var (started, _) = Start(Wrap(json), environment, migrated);
                if (started is not null)
                {
                    unsafeAccepted.Add($"migrated={migrated} {label}: started with on=[{string.Join(",", started.Enabled())}]");
                }
            }
        }

        return new SweepResult(cases, unsafeAccepted, safeRefused);
    }

    /// <summary>Runs the startup check; the flags it started with, or null and why it refused.</summary>
    private static (SocratesFlags? Started, string Outcome) Start(string json, Dictionary<string, string> environment, bool migrated)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(stream)
            .AddSocratesFlagsEnvironment(environment)
            .Build();
        try
        {
            return (FlagsValidator.Load(configuration, new KnownSchemaState(migrated)), "started");
        }
        catch (FlagConfigurationException refused)
        {
            return (null, refused.Message);
        }
    }

    private static SocratesFlags FromBits(int bits) => new()
    {
        Caching = (bits & 1) != 0,
        LazyLoading = (bits & 2) != 0,
        AsyncDatabase = (bits & 4) != 0,
        V2Reads = (bits & 8) != 0,
        DualRun = (bits & 16) != 0,
    };

    // Flags at even positions are written in the JSON file as they should end up; flags at odd
    // positions are written there inverted and corrected from the environment, so every
    // combination also proves that the environment overrides the file, flag by flag.
    private static string CombinationJson(int bits)
    {
        var entries = SocratesFlags.Names.Select((name, i) =>
        {
            var on = (bits & (1 << i)) != 0;
            return $"\"{name}\": {(i % 2 == 0 ? on : !on).ToString().ToLowerInvariant()}";
        });
        return Wrap("{" + string.Join(", ", entries) + "}");
    }

    private static string Wrap(string flagsJson) => "{\"Socrates\": {\"Flags\": " + flagsJson + "}}";

    private static Dictionary<string, string> CombinationEnvironment(int bits) =>
        SocratesFlags.Names
            .Select((name, i) => (name, i))
            .Where(flag => flag.i % 2 == 1)
            .ToDictionary(
                flag => FlagsEnvironmentVariablesSource.Prefix + flag.name.ToUpperInvariant(),
                flag => ((bits & (1 << flag.i)) != 0) ? "True" : " false ");

    internal sealed record SweepResult(int Cases, IReadOnlyList<string> UnsafeAccepted, IReadOnlyList<string> SafeRefused);
}
