namespace Socrates.Core.Domain;

/// <summary>
/// Marks a property that is bookkeeping of the store (a row version, a lazy-load flag), not a
/// field of the V1 entity: dict mappers do not emit it and <see cref="Comparison.EntityComparer"/>
/// does not compare it.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class StorageOnlyAttribute : Attribute;
