using Microsoft.Extensions.Configuration;
using Socrates.Core.Flags.Faults;

namespace Socrates.Core.Flags;

/// <summary>
/// Binds <see cref="SocratesFlags"/> strictly: every key under <c>Socrates:Flags</c> must be a
/// known flag (case-insensitive) with the value <c>true</c> or <c>false</c> (case-insensitive,
/// surrounding spaces allowed). The framework binder would ignore an unknown key and accept
/// nested sections silently; a misspelt flag would then leave a path off (or on) unnoticed.
/// </summary>
public static class FlagsBinder
{
    /// <summary>Reads the flags from <paramref name="configuration"/>; throws <see cref="FlagConfigurationException"/>.</summary>
    public static SocratesFlags Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var flags = new SocratesFlags();
        foreach (var child in configuration.GetSection(SocratesFlags.SectionName).GetChildren())
        {
            // A rejected flag leaves through FlagsFaults.Reject, where its canary can skip it instead.
            var name = SocratesFlags.Names.FirstOrDefault(n => string.Equals(n, child.Key, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                FlagsFaults.Reject(new FlagConfigurationException(
                    FlagErrorCode.UnknownFlag,
                    child.Key,
                    child.Value,
                    $"'{child.Key}' is not a feature flag. Known flags: {string.Join(", ", SocratesFlags.Names)}."));
                continue;
            }

            if (child.Value is null || child.GetChildren().Any() || !bool.TryParse(child.Value, out var on))
            {
                FlagsFaults.Reject(new FlagConfigurationException(
                    FlagErrorCode.InvalidValue,
                    name,
                    child.Value ?? "(a section)",
                    "a flag is 'true' or 'false'."));
                continue;
            }

            Set(flags, name, on);
        }

        return flags;
    }

    private static void Set(SocratesFlags flags, string name, bool on)
    {
        switch (name)
        {
            case nameof(SocratesFlags.Caching):
                flags.Caching = on;
                break;
            case nameof(SocratesFlags.LazyLoading):
                flags.LazyLoading = on;
                break;
            case nameof(SocratesFlags.AsyncDatabase):
                flags.AsyncDatabase = on;
                break;
            case nameof(SocratesFlags.V2Reads):
                flags.V2Reads = on;
                break;
            case nameof(SocratesFlags.DualRun):
                flags.DualRun = on;
                break;
            default:
                throw new InvalidOperationException($"Flag '{name}' is listed in SocratesFlags.Names but has no setter here.");
        }
    }
}
