namespace Socrates.Core.Search.Golden;

/// <summary>A golden query: its text, the scope it searches, and the held-out package it was derived from.</summary>
public sealed record GoldenQuery(string Id, string Text, ScopeFilter Filter, string Source);
