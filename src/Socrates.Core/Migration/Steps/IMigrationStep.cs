using Microsoft.Data.Sqlite;

namespace Socrates.Core.Migration.Steps;

/// <summary>
/// One versioned schema change. The runner applies it inside a transaction it owns and records
/// its <see cref="Checksum"/>; a later run refuses to proceed when the checksum changed.
/// </summary>
public interface IMigrationStep
{
    /// <summary>Unique, increasing version.</summary>
    int Version { get; }

    string Description { get; }

    /// <summary>Lowercase hex SHA-256 of the step's definition (see <see cref="MigrationChecksum"/>).</summary>
    string Checksum { get; }

    /// <summary>What the step creates, alters, drops and reads.</summary>
    MigrationFootprint Footprint { get; }

    /// <summary>Applies the step on <paramref name="connection"/> inside <paramref name="transaction"/>; never commits.</summary>
    Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);
}
