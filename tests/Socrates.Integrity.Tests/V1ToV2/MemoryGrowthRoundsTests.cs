namespace Socrates.Integrity.Tests.V1ToV2;

/// <summary>How the retained-memory rounds turn readings into a growth figure and when they ask for more.</summary>
[Trait("Category", "Integrity")]
public sealed class MemoryGrowthRoundsTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void Growth_ShortSmallReading_HighestReadingOfEachSourceCounts()
    {
        var rounds = new MemoryGrowthRounds();
        rounds.Add(Reading(19), Reading(19));
        rounds.Add(Reading(6), Reading(13));
        rounds.Add(Reading(12), Reading(19));

        Assert.Equal(1.0, rounds.Growth, precision: 6);
        Assert.False(rounds.NeedsAnotherRound);
    }

    [Fact]
    public void NeedsAnotherRound_EverySmallReadingShort_ReadsMoreRoundsUntilTheTruePeakShows()
    {
        var rounds = new MemoryGrowthRounds();
        for (var i = 0; i < MemoryGrowthRounds.MinRounds; i++)
        {
            Assert.True(rounds.NeedsAnotherRound);
            rounds.Add(Reading(6), Reading(19));
        }

        Assert.True(rounds.Growth > MemoryGrowthRounds.FailGrowth);
        Assert.True(rounds.NeedsAnotherRound);

        rounds.Add(Reading(19), Reading(19));

        Assert.Equal(1.0, rounds.Growth, precision: 6);
        Assert.False(rounds.NeedsAnotherRound);
    }

    [Fact]
    public void NeedsAnotherRound_TableHeldWhole_StaysRedAfterTheLastRound()
    {
        var rounds = new MemoryGrowthRounds();
        while (rounds.NeedsAnotherRound)
        {
            rounds.Add(Reading(39), Reading(155));
        }

        Assert.Equal(MemoryGrowthRounds.MaxRounds, rounds.Rounds);
        Assert.True(rounds.Growth > MemoryGrowthRounds.FailGrowth);
    }

    [Fact]
    public void Add_NothingRetained_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryGrowthRounds().Add(new RetainedReading(0, 50), Reading(19)));

    private static RetainedReading Reading(long mib) => new(mib * MiB, 50);
}
