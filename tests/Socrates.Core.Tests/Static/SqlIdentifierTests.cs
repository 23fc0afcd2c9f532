using Microsoft.Data.Sqlite;
using Socrates.Core.Sql;

namespace Socrates.Core.Tests.StaticChecks;

[Trait("Category", "Unit")]
public sealed class SqlIdentifierTests
{
    [Theory]
    [InlineData("users", "\"users\"")]
    [InlineData("_x", "\"_x\"")]
    [InlineData("Project_ID2", "\"Project_ID2\"")]
    public void Quote_PlainName_DoubleQuoted(string name, string expected)
    {
        Assert.Equal(expected, SqlIdentifier.Quote(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a\"b")]
    [InlineData("users\"; DROP TABLE users; --")]
    [InlineData("a'b")]
    [InlineData("a\0b")]
    [InlineData("a-b")]
    [InlineData("a.b")]
    [InlineData("é")]
    [InlineData("users\n")]
    public void Quote_NotPlain_ThrowsNamingTheValue(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => SqlIdentifier.Quote(name));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.False(SqlIdentifier.IsPlain(name));
    }

    [Fact]
    public void Quote_Null_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Quote(null!));
    }

    [Fact]
    public void QuoteList_Names_QuotedAndJoined()
    {
        Assert.Equal("\"a\", \"b_1\"", SqlIdentifier.QuoteList(["a", "b_1"]));
    }

    [Fact]
    public void QuoteList_OneBadOrNone_Throws()
    {
        Assert.Throws<ArgumentException>(() => SqlIdentifier.QuoteList(["a", "b c"]));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.QuoteList([]));
    }

    [Fact]
    public void Placeholders_CountAndPrefix_NumberedFromZero()
    {
        Assert.Equal("$p0, $p1, $p2", SqlIdentifier.Placeholders(3));
        Assert.Equal("@v0", SqlIdentifier.Placeholders(1, "@v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlIdentifier.Placeholders(0));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Placeholders(2, "p"));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Placeholders(2, "$p); --"));
    }

    [Fact]
    public void RowPlaceholders_RowsAndColumns_OneGroupPerRow()
    {
        Assert.Equal("($r0c0, $r0c1), ($r1c0, $r1c1)", SqlIdentifier.RowPlaceholders(2, 2));
        Assert.Equal("($r0c0)", SqlIdentifier.RowPlaceholders(1, 1));
        Assert.Equal("$r12c", SqlIdentifier.RowPrefix(12));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlIdentifier.RowPlaceholders(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlIdentifier.RowPlaceholders(2, 0));
    }

    [Fact]
    public void Ordinals_Count_OneBased()
    {
        Assert.Equal("1, 2, 3", SqlIdentifier.Ordinals(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => SqlIdentifier.Ordinals(0));
    }

    [Fact]
    public void Number_Negative_InvariantDigits()
    {
        Assert.Equal("-1234567", SqlIdentifier.Number(-1234567));
    }

    [Fact]
    public void Quote_UsedInSqlite_NamesTableAndColumns()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE {SqlIdentifier.Quote("t_1")} ({SqlIdentifier.QuoteList(["id", "name"])})";
        command.ExecuteNonQuery();
        command.CommandText = $"INSERT INTO {SqlIdentifier.Quote("t_1")} ({SqlIdentifier.QuoteList(["id", "name"])}) VALUES ({SqlIdentifier.Placeholders(2)})";
        command.Parameters.AddWithValue("$p0", 7);
        command.Parameters.AddWithValue("$p1", "seven");
        command.ExecuteNonQuery();
        command.Parameters.Clear();
        command.CommandText = $"SELECT {SqlIdentifier.Quote("name")} FROM {SqlIdentifier.Quote("t_1")} ORDER BY {SqlIdentifier.Ordinals(1)}";
        Assert.Equal("seven", command.ExecuteScalar());
    }
}
