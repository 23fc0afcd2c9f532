namespace Socrates.Core.Migration.Rejects;

/// <summary>A row of <c>migration_rejects</c> as read back.</summary>
public sealed record StoredReject(string RunId, string SourceTable, string EntityId, string? Field, string Reason, string? RawExcerpt, string RecordedAt);
