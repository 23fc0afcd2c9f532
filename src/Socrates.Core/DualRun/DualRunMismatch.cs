namespace Socrates.Core.DualRun;

/// <summary>One field on which the primary and the shadow answered differently.</summary>
/// <param name="Operation">The repository call, e.g. <c>LoadProject</c>.</param>
/// <param name="EntityId">The project (or, for a list, the user) the answer is about.</param>
/// <param name="FieldPath">The differing field, e.g. <c>Description</c> or <c>Requirements[2]</c>.</param>
/// <param name="Detail">What each side said.</param>
public sealed record DualRunMismatch(string Operation, string EntityId, string FieldPath, string Detail);
