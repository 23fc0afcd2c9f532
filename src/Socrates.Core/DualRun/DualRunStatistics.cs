namespace Socrates.Core.DualRun;

/// <summary>Counters of a <see cref="DualRunProjectRepository"/>.</summary>
/// <param name="ComparedReads">Reads answered by both sides and compared.</param>
/// <param name="Mismatches">Compared reads (and write results) whose answers differed.</param>
/// <param name="MismatchedFields">Differing fields over all mismatches.</param>
/// <param name="ShadowReadFailures">Reads the shadow failed (the primary's answer was served, nothing compared).</param>
/// <param name="ShadowWriteFailures">Writes committed by the primary that the shadow failed: the two stores now disagree on those entities.</param>
/// <param name="DivergentEntities">Entities left different by a failed shadow write (until a later write to both succeeds).</param>
/// <param name="FirstMismatches">The first mismatches, for the report (bounded).</param>
public sealed record DualRunStatistics(
    long ComparedReads,
    long Mismatches,
    long MismatchedFields,
    long ShadowReadFailures,
    long ShadowWriteFailures,
    IReadOnlyList<string> DivergentEntities,
    IReadOnlyList<DualRunMismatch> FirstMismatches);
