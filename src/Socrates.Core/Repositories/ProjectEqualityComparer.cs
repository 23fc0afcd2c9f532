using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;

namespace Socrates.Core.Repositories;

/// <summary>Projects are equal when <see cref="EntityComparer"/> finds no differing field.</summary>
public sealed class ProjectEqualityComparer : IEqualityComparer<ProjectContext>
{
    public static ProjectEqualityComparer Instance { get; } = new();

    public bool Equals(ProjectContext? x, ProjectContext? y) => EntityComparer.AreEqual(x, y);

    public int GetHashCode(ProjectContext obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.Ordinal.GetHashCode(obj.ProjectId);
    }
}
