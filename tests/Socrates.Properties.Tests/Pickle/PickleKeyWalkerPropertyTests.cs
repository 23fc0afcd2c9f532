using FsCheck;
using FsCheck.Fluent;
using Socrates.Core.Pickle;
using Socrates.Testing.Metrics;
using Socrates.Testing.Properties;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Pickle;

/// <summary>
/// <see cref="PickleKeyWalker"/> against the full decoder: whenever the walker returns keys, the
/// decoder returns a str-keyed dict with exactly those keys in that order, and the item dicts of the
/// requested lists have exactly the walker's item keys. Checked on generated dicts at every protocol
/// (where the walker must also settle every one of them itself, or it would save nothing), on every
/// CPython fixture, and on random corruptions of them (where it may leave the verdict to the decoder).
/// </summary>
[Trait("Category", "Property")]
public sealed class PickleKeyWalkerPropertyTests
{
    private static readonly string[] s_listKeys = ["conversation_history", "team_members"];

    private static readonly string[] s_fixtures =
    [
        "project_full.p2", "project_full.p3", "project_full.p4", "project_full.p5", "project_old.p2", "project_extra_key.p4", "user_full.p2",
        "question_effectiveness.p3", "behavior_pattern.p4", "knowledge_document.p5", "llm_usage.p2", "note.p4", "edge_values.p4",
    ];

    private static readonly Lazy<byte[][]> s_originals = new(() =>
        [.. s_fixtures.Select(f => File.ReadAllBytes(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "v1", "pickles", f + ".pickle")))]);

    /// <summary>A V1-like blob: a str-keyed dict whose list keys hold messages (str-keyed dicts) mixed with other values.</summary>
    public sealed record BlobCase(Dictionary<string, object?> Value, int Protocol)
    {
        public override string ToString() => $"protocol {Protocol}: {PyTaggedJson.Write(Value)}";
    }

    private static Gen<Dictionary<string, object?>> Message { get; } =
        from count in Gen.Choose(0, 6)
        from keys in Gen.ListOf(Gen.Frequency((3, Gen.Elements("role", "type", "content", "timestamp", "phase")), (1, PyValueGenerators.Text)), count)
        from values in Gen.ListOf(PyValueGenerators.Value, count)
        select Dict(keys, values);

    private static Gen<object?> ListItem { get; } = Gen.Frequency(
        (5, Message.Select(m => (object?)m)),
        (1, PyValueGenerators.Value));

    private static Gen<BlobCase> Blobs { get; } =
        from count in Gen.Choose(0, 8)
        from keys in Gen.ListOf(PyValueGenerators.Text, count)
        from values in Gen.ListOf(PyValueGenerators.Value, count)
        from history in Gen.Frequency((3, Gen.Choose(0, 8).SelectMany(n => Gen.ListOf(ListItem, n)).Select(l => (object?)new List<object?>(l))), (1, PyValueGenerators.Value))
        from team in Gen.Frequency((2, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(ListItem, n)).Select(l => (object?)new List<object?>(l))), (1, Gen.Constant<object?>(null)))
        from withTeam in Gen.Elements(true, false)
        from protocol in Gen.Choose(2, 5)
        select new BlobCase(Blob(keys, values, history, withTeam ? team : null, withTeam), protocol);

    [Fact]
    public void Walk_GeneratedDict_SettlesAndAgreesWithDecoder()
    {
        var arbitrary = Arb.From(Blobs);
        var walker = new PickleKeyWalker();
        PropertyRunner.Check(
            nameof(Walk_GeneratedDict_SettlesAndAgreesWithDecoder),
            Prop.ForAll(arbitrary, blob =>
            {
                var data = PickleEncoder.Encode(blob.Value, blob.Protocol);
                var walked = walker.Walk(data, s_listKeys);
                return walked is not null && Disagreement(data, walked) is null;
            }));
    }

    [Fact]
    public void Walk_GeneratedNonDictValue_NeverClaimsKeys()
    {
        var walker = new PickleKeyWalker();
        PropertyRunner.Check(
            nameof(Walk_GeneratedNonDictValue_NeverClaimsKeys),
            Prop.ForAll(PyValueGenerators.CaseArbitrary, c =>
            {
                var data = PickleEncoder.Encode(c.Value, c.Protocol);
                var walked = walker.Walk(data, s_listKeys);
                return walked is null ? c.Value is not Dictionary<string, object?> || Deep(c.Value) : Disagreement(data, walked) is null;
            }));
    }

    [Fact]
    public void Walk_EveryCPythonFixture_AgreesWithDecoder()
    {
        var walker = new PickleKeyWalker();
        var failures = new List<string>();
        var settled = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "v1", "pickles"), "*.pickle").Order(StringComparer.Ordinal))
        {
            var data = File.ReadAllBytes(path);
            var walked = walker.Walk(data, s_listKeys);
            if (walked is null)
            {
                continue;
            }

            settled++;
            if (Disagreement(data, walked) is { } problem)
            {
                failures.Add($"{Path.GetFileName(path)}: {problem}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // Every V1 entity fixture uses the memo for repeated strings; only edge_values (shared references) may go to the decoder.
        Assert.True(settled >= 52, $"the walker settled only {settled} of the 56 CPython fixtures itself");
    }

    [Fact]
    public void Walk_MutatedCPythonFixture_ClaimsOnlyWhatTheDecoderAgrees()
    {
        var cases =
            from fixture in Gen.Choose(0, s_fixtures.Length - 1)
            from count in Gen.Choose(1, 4)
            from mutations in Gen.ArrayOf(
                from kind in Gen.Choose(0, 4)
                from position in Gen.Choose(0, int.MaxValue)
                from value in Gen.Choose(0, 255)
                select (Kind: kind, Position: position, Value: (byte)value),
                count)
            select (Fixture: fixture, Mutations: mutations);
        var walker = new PickleKeyWalker();
        PropertyRunner.Check(
            nameof(Walk_MutatedCPythonFixture_ClaimsOnlyWhatTheDecoderAgrees),
            Prop.ForAll(Arb.From(cases), c =>
            {
                var data = Mutate(s_originals.Value[c.Fixture], c.Mutations);
                var walked = walker.Walk(data, s_listKeys);
                return walked is null || Disagreement(data, walked) is null;
            }),
            maxTest: TestProfile.Current.PropertyMaxTest * 20);
    }

    /// <summary>
    /// Counter-examples the property above found: a byte turned into POP_MARK discards the items
    /// pushed since the last MARK, and what is left still decodes, so the walker must discard them too.
    /// </summary>
    [Theory]
    [InlineData("project_old.p2", new[] { 1, 1590680726, 98, 1, 2007733055, 117, 2, 444628038, 189 })]
    [InlineData("project_full.p3", new[] { 2, 784543159, 213, 0, 1156834667, 22, 1, 652176316, 16 })]
    public void Walk_FoundPopMarkCorruption_AgreesWithDecoder(string fixture, int[] mutations)
    {
        var original = s_originals.Value[Array.IndexOf(s_fixtures, fixture)];
        var data = Mutate(original, [.. mutations.Chunk(3).Select(m => (m[0], m[1], (byte)m[2]))]);

        var walked = new PickleKeyWalker().Walk(data, s_listKeys);

        Assert.NotNull(walked);
        Assert.Null(Disagreement(data, walked));
    }

    /// <summary>Null when the decoder returns a str-keyed dict with the walker's keys and item keys; else the difference.</summary>
    internal static string? Disagreement(byte[] data, PickleDictKeys walked)
    {
        object? decoded;
        try
        {
            decoded = PickleDecoder.Decode(data);
        }
        catch (PickleFormatException error)
        {
            return "the walker read keys but the decoder refused: " + error.Message;
        }

        if (decoded is not Dictionary<string, object?> dict)
        {
            return $"the walker read keys but the decoder returned {PyValueComparer.Describe(decoded)}";
        }

        if (!dict.Keys.SequenceEqual(walked.Keys))
        {
            return $"keys [{string.Join(", ", dict.Keys)}] but the walker read [{string.Join(", ", walked.Keys)}]";
        }

        foreach (var listKey in s_listKeys)
        {
            var expected = dict.GetValueOrDefault(listKey) is List<object?> list
                ? list.OfType<Dictionary<string, object?>>().Select(d => string.Join(", ", d.Keys)).ToList()
                : [];
            var actual = walked.ItemsOf(listKey).Select(k => string.Join(", ", k)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                return $"{listKey}: item keys [{string.Join(" | ", expected)}] but the walker read [{string.Join(" | ", actual)}]";
            }
        }

        return null;
    }

    private static bool Deep(object? value) => Depth(value) > PickleKeyWalker.MaxSettledDepth;

    private static int Depth(object? value) => value switch
    {
        Dictionary<string, object?> d => 1 + d.Values.Select(Depth).DefaultIfEmpty(0).Max(),
        Dictionary<object, object?> d => 1 + d.Values.Select(Depth).DefaultIfEmpty(0).Max(),
        List<object?> l => 1 + l.Select(Depth).DefaultIfEmpty(0).Max(),
        object?[] t => 1 + t.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static Dictionary<string, object?> Dict(IEnumerable<string> keys, IEnumerable<object?> values)
    {
        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in keys.Zip(values))
        {
            dict[key] = value;
        }

        return dict;
    }

    private static Dictionary<string, object?> Blob(List<string> keys, List<object?> values, object? history, object? team, bool withTeam)
    {
        var dict = Dict(keys, values);
        dict["conversation_history"] = history;
        if (withTeam)
        {
            dict["team_members"] = team;
        }

        return dict;
    }

    private static byte[] Mutate(byte[] original, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = original.ToList();
        foreach (var (kind, position, value) in mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = position % bytes.Count;
            switch (kind)
            {
                case 0:
                    bytes[at] ^= (byte)(1 << (value % 8));
                    break;
                case 1:
                    bytes[at] = value;
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, value);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
