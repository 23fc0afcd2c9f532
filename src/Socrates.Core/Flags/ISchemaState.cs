namespace Socrates.Core.Flags;

/// <summary>What the flags validator needs to know about the database it will run against.</summary>
public interface ISchemaState
{
    /// <summary>True when the V2 (normalized) schema exists and its migration has completed.</summary>
    bool IsV2SchemaMigrated { get; }
}

/// <summary>A fixed answer, for startup code that already checked the schema, and for tests.</summary>
public sealed record KnownSchemaState(bool IsV2SchemaMigrated) : ISchemaState;
