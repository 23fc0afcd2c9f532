using System.Collections.Immutable;
using System.Globalization;

namespace Socrates.Testing.Concurrency;

/// <summary>The abstract state of one existing project: version, value, collaborators in order, message count.</summary>
public sealed record ProjectState(long Version, string Value, ImmutableList<string> Collaborators, long Messages)
{
    public bool Equals(ProjectState? other) =>
        other is not null && Version == other.Version && Messages == other.Messages
        && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && Collaborators.SequenceEqual(other.Collaborators, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = HashCode.Combine(Version, Messages, StringComparer.Ordinal.GetHashCode(Value));
        foreach (var user in Collaborators)
        {
            hash = HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(user));
        }

        return hash;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"v{Version} \"{Value}\" collaborators [{string.Join(',', Collaborators)}] messages {Messages}");
}
