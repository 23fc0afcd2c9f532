using FsCheck;
using FsCheck.Fluent;
using Socrates.Testing.Properties;

namespace Socrates.Testing.Tests.Properties;

[Trait("Category", "Unit")]
public sealed class PropertyRunnerTests
{
    [Fact]
    public void Check_TrueProperty_Passes()
    {
        PropertyRunner.Check(nameof(Check_TrueProperty_Passes), Prop.ForAll(ArbMap.Default.ArbFor<int>(), x => x + 0 == x));
    }

    [Fact]
    public void Check_FalseProperty_ThrowsWithReplayableSeed()
    {
        var error = Assert.Throws<PropertyFailedException>(() =>
            PropertyRunner.Check("always-small", Prop.ForAll(ArbMap.Default.ArbFor<int>(), x => Math.Abs(x) < 5), maxTest: 200));

        Assert.Contains(PropertySeed.EnvironmentVariable + "=" + error.Seed, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Seed, PropertySeed.Parse(error.Seed.ToString()));
    }

    [Fact]
    public void Check_SameSeed_GeneratesSameCases()
    {
        var seed = PropertySeed.New();
        var first = Gen.Sample(ArbMap.Default.GeneratorFor<int>(), 30, seed.ToRnd(), 10);
        var second = Gen.Sample(ArbMap.Default.GeneratorFor<int>(), 30, seed.ToRnd(), 10);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("a,b")]
    [InlineData("1,2,3")]
    public void Parse_Malformed_ThrowsNamingVariable(string text)
    {
        var error = Assert.Throws<FormatException>(() => PropertySeed.Parse(text));
        Assert.Contains(PropertySeed.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }
}
