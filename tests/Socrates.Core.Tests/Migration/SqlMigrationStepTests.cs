using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class SqlMigrationStepTests
{
    private const string Sql = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);";

    [Fact]
    public void Checksum_SameSqlDifferentLineEndings_Equal()
    {
        var unix = new SqlMigrationStep(1, "t", "CREATE TABLE t (\n id INTEGER\n);", MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")]));
        var windows = new SqlMigrationStep(1, "t", "CREATE TABLE t (\r\n id INTEGER\r\n);", MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")]));

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.Equal(64, unix.Checksum.Length);
    }

    [Fact]
    public void Checksum_SqlChanged_Differs()
    {
        var a = SqlMigrationStep.FromSqlOnly(1, "t", Sql);
        var b = SqlMigrationStep.FromSqlOnly(1, "t", Sql.Replace("name TEXT", "name TEXT NOT NULL", StringComparison.Ordinal));

        Assert.NotEqual(a.Checksum, b.Checksum);
        Assert.Equal(MigrationChecksum.Of(Sql), a.Checksum);
    }

    [Fact]
    public void Constructor_DeclaredFootprintMatches_EffectiveFootprintIncludesColumns()
    {
        var step = new SqlMigrationStep(1, "t", Sql, MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")]));

        Assert.Contains(SchemaObject.ForColumn("t", "name"), step.Footprint.Creates);
    }

    [Fact]
    public void Constructor_UndeclaredCreate_FootprintMismatchException()
    {
        var error = Assert.Throws<FootprintMismatchException>(
            () => new SqlMigrationStep(7, "t", Sql + " CREATE INDEX ix ON t (name);", MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")], reads: [SchemaObject.ForTable("t"), SchemaObject.ForColumn("t", "name")])));

        Assert.Equal(7, error.Version);
        Assert.Equal(MigrationErrorCode.FootprintMismatch, error.Code);
        Assert.Contains(error.Differences, d => d.Contains("index ix", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_DeclaredDropNotInSql_FootprintMismatchException()
    {
        var error = Assert.Throws<FootprintMismatchException>(
            () => new SqlMigrationStep(2, "t", Sql, MigrationFootprint.Of(creates: [SchemaObject.ForTable("t")], drops: [SchemaObject.ForTable("old")])));

        Assert.Contains("declares drops old but the SQL does not", error.Differences);
    }

    [Fact]
    public void Constructor_UndeclaredRead_FootprintMismatchException()
    {
        var error = Assert.Throws<FootprintMismatchException>(
            () => new SqlMigrationStep(3, "c", "CREATE TABLE c (id INTEGER, p INTEGER REFERENCES parent (id));", MigrationFootprint.Of(creates: [SchemaObject.ForTable("c")])));

        Assert.Contains(error.Differences, d => d.StartsWith("reads parent", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_UnreadableSql_InvalidStepDefinition()
    {
        var error = Assert.Throws<MigrationException>(() => SqlMigrationStep.FromSqlOnly(4, "bad", "CREATE TABLE t (a"));

        Assert.Equal(MigrationErrorCode.InvalidStepDefinition, error.Code);
    }

    [Fact]
    public void CodeStep_ChecksumFromContentVersion()
    {
        var a = new CodeMigrationStep(5, "backfill", "backfill v1", MigrationFootprint.Empty, (_, _, _) => Task.CompletedTask);
        var b = new CodeMigrationStep(5, "backfill", "backfill v2", MigrationFootprint.Empty, (_, _, _) => Task.CompletedTask);

        Assert.Equal(MigrationChecksum.Of("backfill v1"), a.Checksum);
        Assert.NotEqual(a.Checksum, b.Checksum);
    }
}
