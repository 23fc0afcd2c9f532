namespace Socrates.Core.Domain;

/// <summary>Which known keys a conversation message dict carried (older ones lack some).</summary>
[Flags]
public enum MessageKeys
{
    None = 0,
    Role = 1,
    Type = 2,
    Content = 4,
    Timestamp = 8,
    Phase = 16,
    All = Role | Type | Content | Timestamp | Phase,
}
