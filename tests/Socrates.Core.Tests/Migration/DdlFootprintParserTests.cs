using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Tests.Migration;

[Trait("Category", "Unit")]
public sealed class DdlFootprintParserTests
{
    [Fact]
    public void Parse_CreateTableWithReferences_CreatesTableAndColumnsReadsParent()
    {
        var parsed = DdlFootprintParser.Parse("""
            -- a comment; with a semicolon
            CREATE TABLE IF NOT EXISTS main."Notes" (
                note_id TEXT PRIMARY KEY,
                project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
                body TEXT DEFAULT 'a;b, (c)',
                CONSTRAINT fk FOREIGN KEY (project_id) REFERENCES owners(owner_id),
                CHECK (length(body) < 10)
            );
            """);

        var f = parsed.Footprint;
        Assert.Contains(SchemaObject.ForTable("notes"), f.Creates);
        Assert.Contains(SchemaObject.ForColumn("notes", "note_id"), f.Creates);
        Assert.Contains(SchemaObject.ForColumn("notes", "body"), f.Creates);
        Assert.DoesNotContain(f.Creates, c => c.Name is "constraint" or "check");
        Assert.Equal(4, f.Creates.Count);
        Assert.Contains(SchemaObject.ForColumn("projects", "project_id"), f.Reads);
        Assert.Contains(SchemaObject.ForColumn("owners", "owner_id"), f.Reads);
        Assert.Empty(parsed.Unrecognised);
    }

    [Fact]
    public void Parse_AlterAndDropStatements_EachEffectRecorded()
    {
        var f = DdlFootprintParser.Parse("""
            ALTER TABLE projects ADD COLUMN archived_reason TEXT;
            ALTER TABLE projects DROP COLUMN legacy;
            ALTER TABLE projects RENAME COLUMN nm TO name;
            ALTER TABLE old_t RENAME TO new_t;
            DROP TABLE IF EXISTS scratch;
            DROP INDEX ix_gone;
            CREATE UNIQUE INDEX ix_projects_owner ON projects (owner COLLATE NOCASE, lower(name), created_at DESC);
            """).Footprint;

        Assert.Contains(SchemaObject.ForColumn("projects", "archived_reason"), f.Creates);
        Assert.Contains(SchemaObject.ForColumn("projects", "legacy"), f.Drops);
        Assert.Contains(SchemaObject.ForColumn("projects", "nm"), f.Alters);
        Assert.Contains(SchemaObject.ForColumn("projects", "name"), f.Creates);
        Assert.Contains(SchemaObject.ForTable("old_t"), f.Alters);
        Assert.Contains(SchemaObject.ForTable("new_t"), f.Creates);
        Assert.Contains(SchemaObject.ForTable("scratch"), f.Drops);
        Assert.Contains(f.Drops, d => d.Kind == SchemaObjectKind.Index && d.Name == "ix_gone");
        Assert.Contains(SchemaObject.ForIndex("projects", "ix_projects_owner"), f.Creates);
        Assert.Contains(SchemaObject.ForColumn("projects", "owner"), f.Reads);
        Assert.Contains(SchemaObject.ForColumn("projects", "created_at"), f.Reads);
        Assert.DoesNotContain(f.Reads, r => r.Name == "lower");
    }

    [Fact]
    public void Parse_DmlAndPragmas_ListedAsUnrecognised()
    {
        var parsed = DdlFootprintParser.Parse("INSERT INTO t VALUES (1); PRAGMA user_version = 3; UPDATE t SET a = 'CREATE TABLE x (y)';");

        Assert.Equal(3, parsed.Unrecognised.Count);
        Assert.Empty(parsed.Footprint.Creates);
    }

    [Fact]
    public void Parse_UnbalancedParentheses_FormatException()
    {
        Assert.Throws<FormatException>(() => DdlFootprintParser.Parse("CREATE TABLE t (a TEXT, b INTEGER"));
    }
}
