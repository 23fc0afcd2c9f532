using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Socrates.Core.Flags;

namespace Socrates.Core.Tests.Flags;

[Trait("Category", "Unit")]
public sealed class FlagsValidatorTests
{
    private static readonly KnownSchemaState s_migrated = new(IsV2SchemaMigrated: true);
    private static readonly KnownSchemaState s_notMigrated = new(IsV2SchemaMigrated: false);

    [Fact]
    public void Validate_Defaults_PassOnAnySchema()
    {
        FlagsValidator.Validate(new SocratesFlags(), s_notMigrated);
        FlagsValidator.Validate(new SocratesFlags(), s_migrated);
    }

    [Fact]
    public void Validate_V2ReadsWithoutMigration_ThrowsNamingV2Reads()
    {
        var error = Assert.Throws<FlagConfigurationException>(() =>
            FlagsValidator.Validate(new SocratesFlags { V2Reads = true }, s_notMigrated));

        Assert.Equal(FlagErrorCode.UnsafeCombination, error.Code);
        Assert.Equal("V2Reads", error.Flag);
        Assert.Contains("migrated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DualRunWithoutMigration_ThrowsNamingDualRun()
    {
        var error = Assert.Throws<FlagConfigurationException>(() =>
            FlagsValidator.Validate(new SocratesFlags { DualRun = true }, s_notMigrated));

        Assert.Equal("DualRun", error.Flag);
    }

    [Fact]
    public void Validate_DualRunWithoutV2ReadsOnMigratedSchema_IsAllowed()
    {
        // Shadow mode: V1 serves, V2 is compared. Deliberately allowed.
        FlagsValidator.Validate(new SocratesFlags { DualRun = true }, s_migrated);
    }

    [Fact]
    public void Validate_LazyLoadingWithoutV2Reads_ThrowsNamingLazyLoading()
    {
        var error = Assert.Throws<FlagConfigurationException>(() =>
            FlagsValidator.Validate(new SocratesFlags { LazyLoading = true }, s_migrated));

        Assert.Equal("LazyLoading", error.Flag);
        Assert.Contains("V2Reads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingOnAndMigrated_Passes()
    {
        FlagsValidator.Validate(
            new SocratesFlags { Caching = true, LazyLoading = true, AsyncDatabase = true, V2Reads = true, DualRun = true },
            s_migrated);
    }

    [Fact]
    public void Check_SeveralViolations_ListsEachFlag()
    {
        var violations = FlagsValidator.Check(new SocratesFlags { V2Reads = true, DualRun = true, LazyLoading = false }, s_notMigrated);

        Assert.Equal(["V2Reads", "DualRun"], violations.Select(v => v.Flag));
    }

    [Fact]
    public void Load_ConfigurationWithUnsafeCombination_StopsStartup()
    {
        var configuration = new ConfigurationBuilder()
            .AddSocratesFlagsEnvironment(new System.Collections.Hashtable { ["SOCRATES_FLAGS__V2READS"] = "true" })
            .Build();

        var error = Assert.Throws<FlagConfigurationException>(() => FlagsValidator.Load(configuration, s_notMigrated));
        Assert.Equal("V2Reads", error.Flag);

        Assert.True(FlagsValidator.Load(configuration, s_migrated).V2Reads);
    }

    [Fact]
    public void OptionsFactory_WithValidator_FailsNamingFlag()
    {
        var factory = new OptionsFactory<SocratesFlags>(
            [new ConfigureOptions<SocratesFlags>(f => f.V2Reads = true)],
            [],
            [new FlagsValidator(s_notMigrated)]);

        var error = Assert.Throws<OptionsValidationException>(() => factory.Create(Options.DefaultName));
        Assert.Contains("'V2Reads'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsFactory_ValidFlags_Creates()
    {
        var factory = new OptionsFactory<SocratesFlags>(
            [new ConfigureOptions<SocratesFlags>(f => f.Caching = true)],
            [],
            [new FlagsValidator(s_notMigrated)]);

        Assert.True(factory.Create(Options.DefaultName).Caching);
    }
}
