namespace Socrates.Core.Migration.Runner;

/// <summary>What a run of the runner did: the versions it applied (empty when already up to date).</summary>
public sealed record MigrationRunResult(IReadOnlyList<SchemaHistoryEntry> Applied, int CurrentVersion)
{
    public bool UpToDateAlready => Applied.Count == 0;
}
