namespace Socrates.Core.Domain.Dicts;

/// <summary>A <c>team_members</c> entry &lt;-&gt; <c>{username, role, skills, joined_at}</c>.</summary>
public static class TeamMemberDict
{
    private const string Entity = "TeamMember";

    public static Dictionary<string, object?> ToDict(TeamMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["username"] = member.Username,
            ["role"] = member.Role,
            ["skills"] = DictWriter.Strings(member.Skills),
            ["joined_at"] = member.JoinedAt,
        };
        return DictWriter.WithExtras(dict, member.Extras);
    }

    public static TeamMember FromDict(Dictionary<string, object?> dict)
    {
        ArgumentNullException.ThrowIfNull(dict);
        var r = new DictReader(Entity, dict);
        var member = new TeamMember
        {
            Username = r.RequiredString("username"),
            Role = r.String("role", null),
            Skills = r.StringList("skills"),
            JoinedAt = r.DateTime("joined_at"),
        };
        member.Extras = r.Extras();
        return member;
    }
}
