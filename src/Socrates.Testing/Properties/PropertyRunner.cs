using FsCheck;
using Microsoft.FSharp.Core;
using Socrates.Testing.Profiles;

namespace Socrates.Testing.Properties;

/// <summary>
/// Runs an FsCheck property from an xUnit fact: the number of cases comes from the test profile
/// (<c>SOCRATES_PBT_MAXTEST</c> overrides), the seed is chosen here so it can be printed, and a
/// failure throws <see cref="PropertyFailedException"/> carrying the replay line and FsCheck's
/// shrunk counter-example. Set <c>SOCRATES_PBT_REPLAY=seed,gamma</c> to run the same cases again.
/// </summary>
public static class PropertyRunner
{
    /// <summary>Checks <paramref name="property"/>; throws with a replayable seed on failure.</summary>
    /// <param name="name">The test's name, printed in the replay command.</param>
    /// <param name="maxTest">Cases to run; defaults to the profile's count.</param>
    public static void Check(string name, Property property, int? maxTest = null, int? endSize = null)
    {
        var seed = PropertySeed.FromEnvironmentOrNew();
        var cases = maxTest ?? TestProfile.Current.PropertyMaxTest;
        var config = Config.QuickThrowOnFailure
            .WithName(name)
            .WithMaxTest(cases)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(seed.ToRnd(), FSharpOption<int>.None)));
        if (endSize is { } size)
        {
            config = config.WithEndSize(size);
        }

        try
        {
            FsCheck.Check.One(config, property);
        }
        catch (Exception error) when (error is not PropertyFailedException)
        {
            throw new PropertyFailedException(name, seed, cases, error);
        }
    }
}
