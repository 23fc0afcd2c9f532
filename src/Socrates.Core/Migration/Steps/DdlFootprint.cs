namespace Socrates.Core.Migration.Steps;

/// <summary>What <see cref="DdlFootprintParser"/> read from a step's SQL, and what it could not read.</summary>
public sealed record DdlFootprint(MigrationFootprint Footprint, IReadOnlyList<string> Unrecognised);
