namespace Socrates.Core.Migration.Rejects;

/// <summary>
/// A source row the migration refused: which one (table + id), which field, why, and a bounded
/// excerpt of the raw value so the reject can be judged without the source at hand.
/// </summary>
public sealed record MigrationReject(string SourceTable, string EntityId, string? Field, string Reason, string? RawExcerpt = null);
