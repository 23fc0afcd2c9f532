using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PyDecimalTests
{
    [Theory]
    [InlineData("1.50", "1.50", 2)]
    [InlineData("-0.00", "-0.00", 2)]
    [InlineData("0", "0", 0)]
    [InlineData("1E+2", "100", 0)]
    [InlineData("1.2E-7", "0.00000012", 8)]
    [InlineData("0.000001", "0.000001", 6)]
    [InlineData("12345678901234567890.123456789", "12345678901234567890.123456789", 9)]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335", 0)]
    [InlineData("0E-28", "0.0000000000000000000000000000", 28)]
    public void Parse_PythonDecimalText_KeepsValueAndScale(string text, string formatted, int scale)
    {
        var value = PyDecimal.Parse(text);

        Assert.Equal(scale, value.Scale);
        Assert.Equal(formatted, PyDecimal.Format(value));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("sNaN")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1E-29")]
    [InlineData("1E+30")]
    [InlineData("1.0000000000000000000000000000001")]
    [InlineData("")]
    [InlineData("1..2")]
    [InlineData("12abc")]
    public void TryParse_NotAnExactSystemDecimal_FailsWithReason(string text)
    {
        Assert.False(PyDecimal.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Format_NegativeZeroWithScale_KeepsSign()
    {
        var negativeZero = new decimal(0, 0, 0, isNegative: true, scale: 3);

        Assert.Equal("-0.000", PyDecimal.Format(negativeZero));
        Assert.Equal("-0.000", PyDecimal.Format(PyDecimal.Parse(PyDecimal.Format(negativeZero))));
    }
}
