namespace Socrates.Core.Migration.Runner;

/// <summary>
/// A row of <c>schema_history</c>. <see cref="Success"/> is false only for an attempt that
/// failed and was rolled back; it is recorded for the audit trail and retried on the next run.
/// </summary>
public sealed record SchemaHistoryEntry(int Version, string Description, string Checksum, string AppliedAt, double DurationMs, bool Success);
