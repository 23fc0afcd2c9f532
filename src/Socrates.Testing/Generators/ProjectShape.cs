namespace Socrates.Testing.Generators;

/// <summary>How big a generated project is. <see cref="EveryField"/> sets every optional field (no nulls, no defaults).</summary>
public sealed record ProjectShape(int Messages = 12, int TeamMembers = 3, int ListItems = 4, int Collaborators = 2, bool EveryField = true)
{
    public static ProjectShape Small { get; } = new(Messages: 3, TeamMembers: 1, ListItems: 2, Collaborators: 1);

    public static ProjectShape Default { get; } = new();

    /// <summary>The benchmark's heavy project: 500 messages.</summary>
    public static ProjectShape Heavy { get; } = new(Messages: 500, TeamMembers: 5, ListItems: 8, Collaborators: 3);
}
