namespace Socrates.Testing.Rehearsal;

/// <summary>The V1 database named for a rehearsal cannot be read: which file, and why.</summary>
public sealed class RehearsalSourceException(string path, string problem, Exception? inner = null)
    : Exception($"The V1 database to rehearse on, '{path}' ({RehearsalDatabase.EnvironmentVariable}), cannot be used: {problem}.", inner)
{
    public string Path { get; } = path;
}
