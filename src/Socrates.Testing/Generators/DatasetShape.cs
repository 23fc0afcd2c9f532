namespace Socrates.Testing.Generators;

/// <summary>How many of each entity a generated dataset holds.</summary>
public sealed record DatasetShape(
    int Users = 5,
    int ProjectsPerUser = 3,
    ProjectShape? Project = null,
    int NotesPerProject = 2,
    int DocumentsPerProject = 1,
    int EmbeddingDimensions = 16,
    int UsageRecordsPerUser = 5)
{
    public ProjectShape ProjectShape => Project ?? ProjectShape.Default;
}
