namespace Socrates.Properties.Tests.Caching;

/// <summary>Thrown inside a property when the cache broke its model; FsCheck shrinks on it.</summary>
public sealed class CacheModelViolationException(string violation) : Exception(violation);
