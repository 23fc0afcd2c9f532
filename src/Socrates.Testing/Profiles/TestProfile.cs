namespace Socrates.Testing.Profiles;

/// <summary>
/// How long the property, stress and soak runs are. The pipeline sets <c>SOCRATES_PROFILE</c>
/// (quick | ci | full); a plain <c>dotnet test</c> runs the quick profile.
/// <c>SOCRATES_PBT_MAXTEST</c> overrides the number of property cases.
/// </summary>
public sealed record TestProfile(string Name, int PropertyMaxTest, TimeSpan SoakDuration, int StressOperations, int CrashPoints)
{
    public const string EnvironmentVariable = "SOCRATES_PROFILE";
    public const string MaxTestVariable = "SOCRATES_PBT_MAXTEST";

    public static TestProfile Quick { get; } = new("quick", 30, TimeSpan.FromSeconds(3), 1_000, 5);

    public static TestProfile Ci { get; } = new("ci", 100, TimeSpan.FromSeconds(10), 2_000, 12);

    public static TestProfile Full { get; } = new("full", 500, TimeSpan.FromMinutes(3), 10_000, 60);

    public static TestProfile Current { get; } = Resolve();

    private static TestProfile Resolve()
    {
        var name = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim().ToLowerInvariant();
        var profile = name switch
        {
            null or "" or "quick" => Quick,
            "ci" => Ci,
            "full" => Full,
            _ => throw new InvalidOperationException(
                $"{EnvironmentVariable}='{name}' is not a profile; use quick, ci or full."),
        };

        var maxTest = Environment.GetEnvironmentVariable(MaxTestVariable);
        if (string.IsNullOrWhiteSpace(maxTest))
        {
            return profile;
        }

        return int.TryParse(maxTest, out var n) && n > 0
            ? profile with { PropertyMaxTest = n }
            : throw new InvalidOperationException($"{MaxTestVariable}='{maxTest}' must be a positive whole number.");
    }
}
