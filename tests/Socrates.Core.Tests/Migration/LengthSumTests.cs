using Socrates.Core.Migration;
using Socrates.Core.Migration.Errors;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class LengthSumTests
{
    [Fact]
    public void LengthSum_Columns_QuotedSumTreatingNullAsZero()
    {
        Assert.Equal("coalesce(length(\"data\"), 0) + coalesce(length(\"note\"), 0)", SqliteMigrationExtensions.LengthSum(["data", "note"]));
    }

    [Fact]
    public void LengthSum_NoColumns_Zero()
    {
        Assert.Equal("0", SqliteMigrationExtensions.LengthSum([]));
    }

    [Fact]
    public void LengthSum_NameThatIsNotPlain_Refused()
    {
        var error = Assert.Throws<MigrationException>(() => SqliteMigrationExtensions.LengthSum(["data", "x) + (SELECT 1"]));

        Assert.Equal(MigrationErrorCode.InvalidIdentifier, error.Code);
    }
}
