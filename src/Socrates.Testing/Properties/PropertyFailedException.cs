namespace Socrates.Testing.Properties;

/// <summary>
/// A property found a counter-example. The message leads with the replay line, then FsCheck's
/// own report (the shrunk counter-example).
/// </summary>
public sealed class PropertyFailedException(string property, PropertySeed seed, int maxTest, Exception inner)
    : Exception(
        $"Property '{property}' failed (seed {seed}, {maxTest} cases).{Environment.NewLine}" +
        $"Replay: {PropertySeed.EnvironmentVariable}={seed} dotnet test --filter \"FullyQualifiedName~{property}\"{Environment.NewLine}" +
        inner.Message,
        inner)
{
    public string Property { get; } = property;

    public PropertySeed Seed { get; } = seed;
}
