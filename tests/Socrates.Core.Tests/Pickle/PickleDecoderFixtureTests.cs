using Socrates.Core.Pickle;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PickleDecoderFixtureTests
{
    public static TheoryData<string, int> EntityProtocols()
    {
        var data = new TheoryData<string, int>();
        foreach (var entity in V1FixtureFiles.Entities())
        {
            foreach (var protocol in V1FixtureFiles.Protocols)
            {
                data.Add(entity, protocol);
            }
        }

        return data;
    }

    [Fact]
    public void Fixtures_CoverEveryBlobEntity_AllPresent()
    {
        var entities = V1FixtureFiles.Entities();
        string[] required =
        [
            "project_full", "project_old", "project_extra_key", "user_full", "note", "question_effectiveness",
            "behavior_pattern", "knowledge_document", "knowledge_document_no_embedding", "llm_provider_config", "llm_usage",
        ];
        Assert.All(required, r => Assert.Contains(r, entities));
        Assert.All(entities, e => Assert.All(V1FixtureFiles.Protocols, p => Assert.True(File.Exists(V1FixtureFiles.PicklePath(e, p)))));
    }

    [Theory]
    [MemberData(nameof(EntityProtocols))]
    public void Decode_CPythonFixture_EqualsExpectedJson(string entity, int protocol)
    {
        var decoded = PickleDecoder.Decode(V1FixtureFiles.Pickle(entity, protocol));

        var difference = PyValueComparer.Ordered.FindDifference(V1FixtureFiles.Expected(entity), decoded);
        Assert.True(difference is null, $"{entity} p{protocol}: {difference}");
    }

    [Theory]
    [MemberData(nameof(EntityProtocols))]
    public void Encode_FixtureValue_DecodesToSameValue(string entity, int protocol)
    {
        var expected = V1FixtureFiles.Expected(entity);

        var decoded = PickleDecoder.Decode(PickleEncoder.Encode(expected, protocol));

        var difference = PyValueComparer.Strict.FindDifference(expected, decoded);
        Assert.True(difference is null, $"{entity} p{protocol}: {difference}");
    }

    [Fact]
    public void Decode_ProjectFull_MapsPythonTypesToValueModel()
    {
        var project = Assert.IsType<Dictionary<string, object?>>(PickleDecoder.Decode(V1FixtureFiles.Pickle("project_full", 4)));

        var created = Assert.IsType<DateTime>(project["created_at"]);
        Assert.Equal(DateTimeKind.Unspecified, created.Kind);
        Assert.Equal(new DateTime(2024, 3, 11, 9, 15, 2).AddTicks(4_815_160), created);
        Assert.IsType<long>(project["progress"]);
        Assert.IsType<double>(project["overall_maturity"]);
        Assert.Null(project["archived_at"]);
        var members = Assert.IsType<List<object?>>(project["team_members"]);
        var bob = Assert.IsType<Dictionary<string, object?>>(members[1]);
        Assert.Equal(new DateTime(2024, 3, 12, 8, 0, 0).AddTicks(10), bob["joined_at"]);
        Assert.Equal(
            ["project_id", "name", "owner", "phase"],
            project.Keys.Take(4));
    }

    [Fact]
    public void Decode_QuestionEffectiveness_KeepsDecimalScale()
    {
        var row = Assert.IsType<Dictionary<string, object?>>(PickleDecoder.Decode(V1FixtureFiles.Pickle("question_effectiveness", 2)));

        var score = Assert.IsType<decimal>(row["effectiveness_score"]);
        Assert.Equal("0.750", PyDecimal.Format(score));
        Assert.Equal(3, score.Scale);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Decode_EdgeValues_KeepsTypesAndSharing(int protocol)
    {
        var edge = Assert.IsType<Dictionary<string, object?>>(PickleDecoder.Decode(V1FixtureFiles.Pickle("edge_values", protocol)));

        var ints = Assert.IsType<List<object?>>(edge["ints"]);
        Assert.IsType<long>(ints[10]); // 2**63 - 1
        Assert.IsType<System.Numerics.BigInteger>(ints[12]); // 2**63
        Assert.IsType<Dictionary<object, object?>>(edge["int_keys"]);
        Assert.IsType<object?[]>(Assert.IsType<List<object?>>(edge["tuples"])[2]);
        Assert.Same(edge["shared_a"], edge["shared_b"]);
        var bytes = Assert.IsType<List<object?>>(edge["bytes"]);
        Assert.Equal("mutable"u8.ToArray(), Assert.IsType<byte[]>(bytes[3])); // bytearray
        Assert.Empty(Assert.IsType<byte[]>(bytes[4]));
    }

    [Fact]
    public void Decode_Protocols0And1WrittenByCPython_ReadsTextAndMarkOpcodes()
    {
        // pickle.dumps([1, True, 2**70, (1, 2), {1: None}, -5, [None]], protocol=0 and 1)
        byte[] protocol0 = [40, 108, 112, 48, 10, 73, 49, 10, 97, 73, 48, 49, 10, 97, 76, 49, 49, 56, 48, 53, 57, 49, 54, 50, 48, 55, 49, 55, 52, 49, 49, 51, 48, 51, 52, 50, 52, 76, 10, 97, 40, 73, 49, 10, 73, 50, 10, 116, 112, 49, 10, 97, 40, 100, 112, 50, 10, 73, 49, 10, 78, 115, 97, 73, 45, 53, 10, 97, 40, 108, 112, 51, 10, 78, 97, 97, 46];
        byte[] protocol1 = [93, 113, 0, 40, 75, 1, 73, 48, 49, 10, 76, 49, 49, 56, 48, 53, 57, 49, 54, 50, 48, 55, 49, 55, 52, 49, 49, 51, 48, 51, 52, 50, 52, 76, 10, 40, 75, 1, 75, 2, 116, 113, 1, 125, 113, 2, 75, 1, 78, 115, 74, 251, 255, 255, 255, 93, 113, 3, 78, 97, 101, 46];
        var expected = new List<object?>
        {
            1L, true, System.Numerics.BigInteger.Pow(2, 70), new object?[] { 1L, 2L }, new Dictionary<object, object?> { [1L] = null }, -5L,
            new List<object?> { null },
        };

        Assert.Null(PyValueComparer.Strict.FindDifference(expected, PickleDecoder.Decode(protocol0)));
        Assert.Null(PyValueComparer.Strict.FindDifference(expected, PickleDecoder.Decode(protocol1)));
    }
}
