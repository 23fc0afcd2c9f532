namespace Socrates.Core.Migration.V1ToV2;

/// <summary>
/// Wall time of one phase of a migration run, in the order the phases ran. <paramref name="Phase"/>
/// is a stage name (<see cref="V1ToV2Stage"/>) or, for the copy, <c>copy:&lt;source table&gt;</c>.
/// The key scan runs alongside the backup: <c>ScanKeys</c> is the wait for its verdict after the
/// backup was verified, <c>ScanKeysOwn</c> its own duration (overlapping the backup's).
/// </summary>
public sealed record V1ToV2PhaseTime(string Phase, TimeSpan Elapsed);
