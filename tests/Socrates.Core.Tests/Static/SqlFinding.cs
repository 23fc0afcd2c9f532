namespace Socrates.Core.Tests.StaticChecks;

/// <summary>One place where SQL is built from a value.</summary>
internal sealed record SqlFinding(string Path, int Line, string Rule, string Excerpt);
