namespace Socrates.Core.V2;

/// <summary>How much of a project <see cref="AsyncProjectDatabase.LoadProjectAsync"/> reads.</summary>
public enum ProjectLoad
{
    /// <summary>Everything but the conversation history (page it with GetProjectMessagesAsync).</summary>
    Metadata,

    /// <summary>Everything, messages included.</summary>
    Full,
}
