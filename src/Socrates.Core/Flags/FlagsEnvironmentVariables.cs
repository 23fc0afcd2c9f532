using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Socrates.Core.Flags;

/// <summary>
/// A configuration source mapping environment variables <c>SOCRATES_FLAGS__NAME</c> to the key
/// <c>Socrates:Flags:NAME</c> (the standard provider would map them to <c>SOCRATES_FLAGS:NAME</c>,
/// a different section). Added after the JSON file, so the environment overrides it.
/// </summary>
public sealed class FlagsEnvironmentVariablesSource(IDictionary? variables = null) : IConfigurationSource
{
    /// <summary>The prefix of a flag's environment variable.</summary>
    public const string Prefix = "SOCRATES_FLAGS__";

    public IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new Provider(variables ?? Environment.GetEnvironmentVariables());

    private sealed class Provider(IDictionary variables) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in variables)
            {
                if (entry.Key is string name && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var flag = name[Prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                    data[ConfigurationPath.Combine(SocratesFlags.SectionName, flag)] = entry.Value as string;
                }
            }

            Data = data;
        }
    }
}

/// <summary>Registration helpers for the flags' configuration sources.</summary>
public static class FlagsConfigurationExtensions
{
    /// <summary>Adds the <c>SOCRATES_FLAGS__*</c> environment variables (or <paramref name="variables"/>, for tests).</summary>
    public static IConfigurationBuilder AddSocratesFlagsEnvironment(this IConfigurationBuilder builder, IDictionary? variables = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new FlagsEnvironmentVariablesSource(variables));
    }
}
