using Socrates.Testing.Linearizability.Edn;

namespace Socrates.Testing.Tests.Linearizability.Edn;

[Trait("Category", "Unit")]
public sealed class EdnReaderTests
{
    [Theory]
    [InlineData("nil", "nil")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("42", "42")]
    [InlineData("-7", "-7")]
    [InlineData("+7", "7")]
    [InlineData("12N", "12")]
    [InlineData("1.5", "1.5")]
    [InlineData("-2e3", "-2000")]
    [InlineData("3.25M", "3.25")]
    [InlineData(":read", ":read")]
    [InlineData(":jepsen.history/op", ":jepsen.history/op")]
    [InlineData("foo/bar", "foo/bar")]
    [InlineData("\"a b\"", "\"a b\"")]
    [InlineData("[1 2]", "[1 2]")]
    [InlineData("[1, 2,,]", "[1 2]")]
    [InlineData("(1 [2 3])", "(1 [2 3])")]
    [InlineData("#{1 2}", "#{1 2}")]
    [InlineData("{:a 1, :b [nil]}", "{:a 1, :b [nil]}")]
    [InlineData("#inst \"2020-01-01\"", "#inst \"2020-01-01\"")]
    [InlineData("[1 #_2 3 #_ (4 5)]", "[1 3]")]
    [InlineData("[] ; trailing comment", "[]")]
    public void ReadOne_EachForm_PrintsCanonically(string text, string expected)
    {
        Assert.Equal(expected, EdnReader.ReadOne(text).ToString());
    }

    [Fact]
    public void ReadOne_StringEscapes_Decoded()
    {
        var value = Assert.IsType<EdnString>(EdnReader.ReadOne("\"q\\\" b\\\\ n\\n t\\t u\\u00e9\""));

        Assert.Equal("q\" b\\ n\n t\t u\u00e9", value.Value);
    }

    [Fact]
    public void ReadOne_Characters_AsOneCharStrings()
    {
        var value = Assert.IsType<EdnVector>(EdnReader.ReadOne("[\\a \\newline \\space \\u0041]"));

        Assert.Equal(["a", "\n", " ", "A"], value.Items.Select(i => ((EdnString)i).Value));
    }

    [Fact]
    public void ReadOne_Map_LooksUpByKeyword()
    {
        var map = Assert.IsType<EdnMap>(EdnReader.ReadOne("{:process 3, :type :ok, \"x\" 1}"));

        Assert.Equal(new EdnInteger(3), map.Get("process"));
        Assert.Equal(new EdnKeyword("ok"), map.Get("type"));
        Assert.Null(map.Get("value"));
    }

    [Fact]
    public void ReadOne_Collections_CompareStructurally()
    {
        Assert.Equal(EdnReader.ReadOne("[1 {:a \"x\"}]"), EdnReader.ReadOne("[1, {:a \"x\"}]"));
        Assert.Equal(EdnReader.ReadOne("{:a 1 :b 2}"), EdnReader.ReadOne("{:b 2 :a 1}"));
        Assert.NotEqual(EdnReader.ReadOne("[1 2]"), EdnReader.ReadOne("(1 2)"));
        Assert.Equal(EdnReader.ReadOne("[1 2]").GetHashCode(), EdnReader.ReadOne("[1,2]").GetHashCode());
    }

    [Fact]
    public void ReadAll_OneFormPerLine_LinesRecorded()
    {
        var forms = EdnReader.ReadAll("; a comment\n{:a 1}\n\n[1\n 2]\n:k");

        Assert.Equal([2, 4, 6], forms.Select(f => f.Line));
    }

    [Theory]
    [InlineData("{:a 1}\n{:a 2\n", 3, "ends before the closing '}'")]
    [InlineData("{:a 1}\n{:a}", 2, "even number of forms")]
    [InlineData("[1 2)", 1, "expected ']', found ')'")]
    [InlineData("\n\n]", 3, "no matching opening bracket")]
    [InlineData("[1\n \"abc\n\n", 2, "ends inside the string that starts here")]
    [InlineData("\"a\\qb\"", 1, "unknown string escape '\\q'")]
    [InlineData("\n99999999999999999999", 2, "out of range")]
    [InlineData("12abc", 1, "'12abc' is not a number")]
    [InlineData("#?(:clj 1)", 1, "unsupported dispatch")]
    [InlineData(":", 1, "keyword needs a name")]
    [InlineData("\\bogus", 1, "unknown character literal")]
    [InlineData("[1 #_]", 1, "expected a value")]
    public void ReadAll_Malformed_ThrowsWithLine(string text, int line, string message)
    {
        var error = Assert.Throws<EdnFormatException>(() => EdnReader.ReadAll(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(EdnFormatException.SyntaxCode, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"line {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadOne_TwoValues_Throws()
    {
        Assert.Throws<EdnFormatException>(() => EdnReader.ReadOne("1 2"));
    }

    [Fact]
    public void ReadOne_DeepNesting_ThrowsInsteadOfOverflowing()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);

        var error = Assert.Throws<EdnFormatException>(() => EdnReader.ReadOne(text));
        Assert.Contains("nest deeper", error.Message, StringComparison.Ordinal);
    }
}
