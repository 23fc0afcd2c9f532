namespace Socrates.Testing.Concurrency;

/// <summary>An invocation recorded against <see cref="ProjectModel"/>: a database step on one project.</summary>
public sealed record ProjectCall(ProgramOperationKind Kind, string ProjectId, long ExpectedVersion = 0, string Argument = "");
