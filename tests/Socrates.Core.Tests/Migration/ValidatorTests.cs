using System.Text.Json;
using Socrates.Core.Migration.Accounting;
using Socrates.Core.Migration.Validation;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class ValidatorTests
{
    [Fact]
    public void RowCount_Differs_FailsWithDelta()
    {
        var result = RowCountValidator.Validate("projects", 10, 8);

        Assert.False(result.Passed);
        Assert.Equal(2, result.Failures);
        Assert.Equal("expected 10 rows, found 8 (-2)", result.Details);
        Assert.True(RowCountValidator.Validate("projects", 3, 3).Passed);
    }

    [Fact]
    public void IdSet_MissingExtraRepeated_AllListed()
    {
        var result = IdSetValidator.Validate("ids", ["a", "b", "c"], ["a", "c", "c", "z"]);

        Assert.False(result.Passed);
        Assert.Equal(3, result.Failures);
        Assert.Equal(["missing:b", "extra:z", "repeated:c"], result.FirstOffenders);
    }

    [Fact]
    public void IdSet_ManyMissing_OffendersBounded()
    {
        var result = IdSetValidator.Validate("ids", Enumerable.Range(0, 1_000).Select(i => i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)), [], maxOffenders: 5);

        Assert.Equal(1_000, result.Failures);
        Assert.Equal(5, result.FirstOffenders.Count);
        Assert.Equal("missing:0000", result.FirstOffenders[0]);
    }

    [Fact]
    public void ContentChecksum_FieldDiffers_NamesIdAndField()
    {
        var expected = new Dictionary<string, CanonicalEntity>
        {
            ["p1"] = CanonicalEntity.Of(("name", "A"), ("phase", "design")),
            ["p2"] = CanonicalEntity.Of(("name", "B"), ("phase", "analysis")),
            ["p3"] = CanonicalEntity.Of(("name", "C"), ("phase", "discovery")),
        };
        var actual = new Dictionary<string, CanonicalEntity>
        {
            ["p1"] = CanonicalEntity.Of(("name", "A"), ("phase", "design")),
            ["p2"] = CanonicalEntity.Of(("name", "B"), ("phase", "design")),
        };

        var result = ContentChecksumValidator.Validate("projects", expected.Keys, id => expected.GetValueOrDefault(id), id => actual.GetValueOrDefault(id));

        Assert.False(result.Passed);
        Assert.Equal(3, result.Checked);
        Assert.Equal(["p2 (field phase)", "p3 (absent)"], result.FirstOffenders);
    }

    [Fact]
    public void ContentChecksum_PlainStrings_ComparesByHash()
    {
        var result = ContentChecksumValidator.Validate("x", ["1", "2"], id => "v" + id, id => id == "2" ? "changed" : "v" + id);

        Assert.Equal(["2 (content)"], result.FirstOffenders);
    }

    [Fact]
    public void CanonicalEntity_SeparatorInsideValue_NoCollision()
    {
        var a = CanonicalEntity.Of(("a", "1\n2:b=3"));
        var b = CanonicalEntity.Of(("a", "1"), ("2:b", "3"));

        Assert.NotEqual(a.Checksum(), b.Checksum());
    }

    [Fact]
    public async Task RequiredFields_NullAndBlank_ListedByIdAndColumn()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(db, """
            CREATE TABLE users (username TEXT PRIMARY KEY, email TEXT, hash BLOB);
            INSERT INTO users VALUES ('ann', 'a@x', x'01'), ('bob', '  ', x'02'), ('cy', NULL, x''), ('dee', 'd@x', x'03');
            """);

        var result = await RequiredFieldsValidator.ValidateAsync(db, "users", "username", ["email", "hash"], CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(3, result.Failures);
        Assert.Equal(["bob.email", "cy.email", "cy.hash"], result.FirstOffenders);
        Assert.Equal(4, result.Checked);
    }

    [Fact]
    public async Task ForeignKeyCheck_OrphanRow_Reported()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();
        await MigrationTestDatabase.ExecuteAsync(db, """
            PRAGMA foreign_keys = OFF;
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
            INSERT INTO parent VALUES (1);
            INSERT INTO child VALUES (10, 1), (11, 2);
            """);

        var result = await ForeignKeyCheckValidator.ValidateAsync(db, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal(["child rowid 11 -> parent"], result.FirstOffenders);
    }

    [Fact]
    public async Task IntegrityCheck_HealthyDatabase_Ok()
    {
        await using var db = await MigrationTestDatabase.OpenAsync();

        var result = await IntegrityCheckValidator.ValidateAsync(db, CancellationToken.None);

        Assert.True(result.Passed);
        Assert.Equal("ok", result.Details);
    }

    [Fact]
    public void RejectsAccounted_Mismatch_FailsNamingTable()
    {
        var result = RejectsAccountedValidator.Validate(MigrationAccounting.Compute([new TableAccount("notes", 5, 3, 1)]));

        Assert.False(result.Passed);
        Assert.Equal(["notes (+1)"], result.FirstOffenders);
    }

    [Fact]
    public void Report_OneFailure_FailsAndSerialises()
    {
        var report = new ValidationReport()
            .Add(RowCountValidator.Validate("a", 1, 1))
            .Add(IdSetValidator.Validate("b", ["x"], []));

        Assert.False(report.Passed);
        Assert.Single(report.Failures);
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("results").GetArrayLength());
        Assert.Contains("missing:x", report.Describe(), StringComparison.Ordinal);
    }
}
