namespace Socrates.Core.Search;

/// <summary>Who sees a knowledge entry: everyone, or one project.</summary>
public enum KnowledgeScope
{
    Global = 0,
    Project = 1,
}
