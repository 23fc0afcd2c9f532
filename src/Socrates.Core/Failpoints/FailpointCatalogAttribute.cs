namespace Socrates.Core.Failpoints;

/// <summary>
/// Marks a static class whose public <c>const string</c> fields are failpoint names.
/// Each concept keeps its own catalog beside its code (V2, cache, migrator...), so adding a
/// failpoint never touches a shared file; <see cref="Failpoint"/> discovers them all.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FailpointCatalogAttribute : Attribute;
