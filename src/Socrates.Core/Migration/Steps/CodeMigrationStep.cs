using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Steps;

/// <summary>
/// A step defined by code (e.g. a data back-fill). Code cannot be hashed meaningfully, so the
/// author supplies a content string (what the step does, with a revision number) whose SHA-256
/// is the checksum: changing the step's behaviour means changing that string, which the runner
/// then refuses for databases that already applied the old one.
/// </summary>
public sealed class CodeMigrationStep(
    int version,
    string description,
    string contentVersion,
    MigrationFootprint footprint,
    Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> apply) : IMigrationStep
{
    public int Version { get; } = version;

    public string Description { get; } = string.IsNullOrWhiteSpace(description) ? throw new ArgumentException("A step needs a description.", nameof(description)) : description;

    public string Checksum { get; } = MigrationChecksum.Of(contentVersion ?? throw new ArgumentNullException(nameof(contentVersion)));

    public MigrationFootprint Footprint { get; } = footprint ?? throw new ArgumentNullException(nameof(footprint));

    public Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        apply(connection, transaction, cancellationToken);
}
