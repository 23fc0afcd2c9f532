using System.Collections;
using Microsoft.Extensions.Configuration;
using Socrates.Core.Flags;

namespace Socrates.Core.Tests.Flags;

[Trait("Category", "Unit")]
public sealed class FlagsBindingTests : IDisposable
{
    private readonly string _jsonPath = Path.Combine(Path.GetTempPath(), $"socrates-flags-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_jsonPath);

    [Fact]
    public void Bind_EmptyConfiguration_AllNewPathsOff()
    {
        var flags = FlagsBinder.Bind(Build(json: null, env: null));

        Assert.Empty(flags.Enabled());
        Assert.False(flags.Caching || flags.LazyLoading || flags.AsyncDatabase || flags.V2Reads || flags.DualRun);
    }

    [Fact]
    public void Bind_JsonFile_ReadsSocratesFlagsSection()
    {
        var flags = FlagsBinder.Bind(Build(
            json: """{ "Socrates": { "Flags": { "Caching": true, "AsyncDatabase": "true", "V2Reads": false } } }""",
            env: null));

        Assert.True(flags.Caching);
        Assert.True(flags.AsyncDatabase);
        Assert.False(flags.V2Reads);
        Assert.Equal(["Caching", "AsyncDatabase"], flags.Enabled());
    }

    [Fact]
    public void Bind_EnvironmentVariables_UpperCaseNamesBind()
    {
        var flags = FlagsBinder.Bind(Build(json: null, env: new Hashtable
        {
            ["SOCRATES_FLAGS__CACHING"] = "true",
            ["SOCRATES_FLAGS__DUALRUN"] = "TRUE",
            ["PATH"] = "/usr/bin",
            ["SOCRATES_FAILPOINTS"] = "not-a-flag",
        }));

        Assert.True(flags.Caching);
        Assert.True(flags.DualRun);
        Assert.Equal(["Caching", "DualRun"], flags.Enabled());
    }

    [Fact]
    public void Bind_EnvironmentAndJson_EnvironmentWins()
    {
        var flags = FlagsBinder.Bind(Build(
            json: """{ "Socrates": { "Flags": { "Caching": true, "LazyLoading": true } } }""",
            env: new Hashtable { ["SOCRATES_FLAGS__CACHING"] = "false" }));

        Assert.False(flags.Caching);
        Assert.True(flags.LazyLoading);
    }

    [Theory]
    [InlineData("Cacheing")]
    [InlineData("V3Reads")]
    public void Bind_UnknownFlagInJson_ThrowsNamingIt(string name)
    {
        var error = Assert.Throws<FlagConfigurationException>(() => FlagsBinder.Bind(Build(
            json: $$"""{ "Socrates": { "Flags": { "{{name}}": true } } }""",
            env: null)));

        Assert.Equal(FlagErrorCode.UnknownFlag, error.Code);
        Assert.Equal(name, error.Flag);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Caching", error.Message, StringComparison.Ordinal); // lists the known flags
    }

    [Fact]
    public void Bind_UnknownFlagInEnvironment_ThrowsNamingIt()
    {
        var error = Assert.Throws<FlagConfigurationException>(() => FlagsBinder.Bind(Build(
            json: null,
            env: new Hashtable { ["SOCRATES_FLAGS__TURBO"] = "true" })));

        Assert.Equal(FlagErrorCode.UnknownFlag, error.Code);
        Assert.Equal("TURBO", error.Flag);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("on")]
    [InlineData("truee")]
    public void Bind_BadValue_ThrowsNamingFlagAndValue(string value)
    {
        var error = Assert.Throws<FlagConfigurationException>(() => FlagsBinder.Bind(Build(
            json: null,
            env: new Hashtable { ["SOCRATES_FLAGS__V2READS"] = value })));

        Assert.Equal(FlagErrorCode.InvalidValue, error.Code);
        Assert.Equal("V2Reads", error.Flag);
        Assert.Equal(value, error.Value);
        Assert.Contains("'V2Reads'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_FlagGivenAsSection_ThrowsInvalidValue()
    {
        var error = Assert.Throws<FlagConfigurationException>(() => FlagsBinder.Bind(Build(
            json: """{ "Socrates": { "Flags": { "Caching": { "Enabled": true } } } }""",
            env: null)));

        Assert.Equal(FlagErrorCode.InvalidValue, error.Code);
        Assert.Equal("Caching", error.Flag);
    }

    [Fact]
    public void Bind_ValueWithSpacesAndMixedCase_IsAccepted()
    {
        var flags = FlagsBinder.Bind(Build(json: null, env: new Hashtable { ["socrates_flags__caching"] = " True " }));
        Assert.True(flags.Caching);
    }

    private IConfiguration Build(string? json, IDictionary? env)
    {
        var builder = new ConfigurationBuilder();
        if (json is not null)
        {
            File.WriteAllText(_jsonPath, json);
            builder.AddJsonFile(_jsonPath, optional: false);
        }

        return builder.AddSocratesFlagsEnvironment(env ?? new Hashtable()).Build();
    }
}
