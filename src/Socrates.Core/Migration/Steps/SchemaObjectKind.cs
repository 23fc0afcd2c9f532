namespace Socrates.Core.Migration.Steps;

/// <summary>The kinds of schema object a migration step's footprint names.</summary>
public enum SchemaObjectKind
{
    Table,
    Column,
    Index,
}
