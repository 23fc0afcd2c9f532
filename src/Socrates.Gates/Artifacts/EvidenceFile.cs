namespace Socrates.Gates.Artifacts;

/// <summary>
/// One file a report was decided on: its path relative to the artifacts root (forward slashes),
/// its size in bytes and its SHA-256 (lowercase hex), so anyone can check later that the evidence
/// behind a verdict is the evidence still on disk.
/// </summary>
internal sealed record EvidenceFile(string Path, long Bytes, string Sha256);
