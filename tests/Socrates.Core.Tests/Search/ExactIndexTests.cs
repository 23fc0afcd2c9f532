using Socrates.Core.Search;

namespace Socrates.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class ExactIndexTests
{
    private static readonly int[] s_ks = [1, 10, 1000];
    private static readonly string[] s_tiedIds = ["d", "b", "a", "c"];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Search_RandomData_EqualsBruteForce(int seed)
    {
        var records = TestVectors.Records(seed, 500);
        var index = ExactIndex.Build(records, 32, TestVectors.Version);
        var random = new Random(seed * 31);
        ScopeFilter[] filters = [ScopeFilter.All, ScopeFilter.GlobalOnly, ScopeFilter.ProjectOnly("p1"), ScopeFilter.ProjectAndGlobal("p2"), ScopeFilter.ProjectOnly("none")];

        for (var q = 0; q < 20; q++)
        {
            var query = TestVectors.Unit(random, 32);
            foreach (var filter in filters)
            {
                foreach (var k in s_ks)
                {
                    Assert.Equal(TestVectors.BruteForce(records, query, k, filter), index.Search(query, TestVectors.Version, k, filter));
                }
            }
        }
    }

    [Fact]
    public void Search_EqualScores_TieBrokenBySmallerId()
    {
        var v = TestVectors.Unit(new Random(9), 8);
        var records = s_tiedIds.Select(id => new VectorRecord(id, KnowledgeScope.Global, null, v)).ToList();
        var index = ExactIndex.Build(records, 8, TestVectors.Version);

        var hits = index.Search(v, TestVectors.Version, 3, ScopeFilter.All);

        Assert.Equal(["a", "b", "c"], hits.Select(h => h.Id));
    }

    [Fact]
    public void Build_DuplicateIds_Throws()
    {
        var v = new float[8];
        Assert.Throws<ArgumentException>(() => ExactIndex.Build(
            [new VectorRecord("x", KnowledgeScope.Global, null, v), new VectorRecord("x", KnowledgeScope.Global, null, v)], 8, TestVectors.Version));
    }

    [Fact]
    public void Search_WrongDimensions_Throws()
    {
        var index = ExactIndex.Build(TestVectors.Records(1, 10), 32, TestVectors.Version);
        Assert.Throws<ArgumentException>(() => index.Search(new float[31], TestVectors.Version, 1, ScopeFilter.All));
    }
}
