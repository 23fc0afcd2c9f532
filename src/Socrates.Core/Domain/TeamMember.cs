namespace Socrates.Core.Domain;

/// <summary>One entry of <c>team_members</c>: <c>{username, role, skills, joined_at}</c>.</summary>
public sealed class TeamMember
{
    public string Username { get; set; } = "";

    public string? Role { get; set; }

    public List<string> Skills { get; set; } = [];

    public DateTime? JoinedAt { get; set; }

    /// <summary>Unknown keys of the V1 dict, kept verbatim.</summary>
    public Dictionary<string, object?> Extras { get; set; } = new(StringComparer.Ordinal);
}
