using Socrates.Core.Search;
using Socrates.Testing.Search;

namespace Socrates.Testing.Tests.Search;

[Trait("Category", "Unit")]
public sealed class CorpusVariantsTests
{
    private static readonly KnowledgeEntry[] s_entries =
    [
        new("a", "one two three four five six", "misc", KnowledgeScope.Global, null),
        new("b", "seven eight nine ten", "misc", KnowledgeScope.Project, "p1"),
        new("c", "eleven twelve", "misc", KnowledgeScope.Global, null),
    ];

    [Fact]
    public void Generate_EveryEntryOnceThenVariantsUntilTheSize()
    {
        var set = CorpusVariants.Generate(s_entries, size: 8, seed: 1, dropout: 0.3);

        Assert.Equal(8, set.Count);
        Assert.Equal(["a#0", "b#0", "c#0", "a#1", "b#1", "c#1", "a#2", "b#2"], set.Select(v => v.Id));
        Assert.All(set.Where(v => v.Copy == 0), v => Assert.Equal(v.Source.Content, v.Text));
        Assert.All(set, v => Assert.All(v.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries), w => Assert.Contains(w, v.Source.Content.Split(' '))));
    }

    [Fact]
    public void Generate_SameSeedSameSet_OtherSeedOtherVariants()
    {
        var a = CorpusVariants.Generate(s_entries, 30, seed: 7, dropout: 0.5).Select(v => v.Text);
        var b = CorpusVariants.Generate(s_entries, 30, seed: 7, dropout: 0.5).Select(v => v.Text);
        var c = CorpusVariants.Generate(s_entries, 30, seed: 8, dropout: 0.5).Select(v => v.Text);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generate_Excluded_NeverInTheSet()
    {
        var set = CorpusVariants.Generate(s_entries, 20, seed: 1, dropout: 0.3, new HashSet<string>(["b"], StringComparer.Ordinal));

        Assert.Equal(20, set.Count);
        Assert.DoesNotContain(set, v => v.Source.Id == "b");
    }

    [Fact]
    public void Generate_BadArguments_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusVariants.Generate(s_entries, 5, 1, dropout: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CorpusVariants.Generate(s_entries, -1, 1, 0.3));
        Assert.Throws<ArgumentException>(() => CorpusVariants.Generate(s_entries, 5, 1, 0.3, new HashSet<string>(["a", "b", "c"], StringComparer.Ordinal)));
    }

    [Fact]
    public void Embed_KeepsScopeAndOrder_ReusesKnownSourceVectors()
    {
        var set = CorpusVariants.Generate(s_entries, 6, seed: 1, dropout: 0.3);
        var embedder = HashingTfIdfEmbedder.Fit(s_entries.Select(e => e.Content), dimensions: 16);
        var known = new Dictionary<string, float[]>(StringComparer.Ordinal) { ["a"] = [.. Enumerable.Repeat(0.25f, 16)] };

        var records = CorpusVariants.Embed(set, embedder, known);

        Assert.Equal(set.Select(v => v.Id), records.Select(r => r.Id));
        Assert.Same(known["a"], records[0].Vector);
        Assert.Equal(embedder.Embed(s_entries[1].Content), records[1].Vector);
        Assert.Equal(KnowledgeScope.Project, records[4].Scope);
        Assert.Equal("p1", records[4].ProjectId);
    }
}
