using FsCheck;
using FsCheck.Fluent;
using Socrates.Core.Pickle;
using Socrates.Testing.Metrics;
using Socrates.Testing.Properties;
using Socrates.Testing.Profiles;

namespace Socrates.Properties.Tests.Pickle;

/// <summary>
/// Random corruptions of real CPython pickles (bit flips, byte overwrites, deletions,
/// insertions, truncations) must either decode or be refused with a
/// <see cref="PickleFormatException"/>; never IndexOutOfRange, overflow, a hang or any other
/// exception. What does decode must survive its own round trip.
/// </summary>
[Trait("Category", "Property")]
public sealed class PickleFuzzPropertyTests
{
    private static readonly string[] s_fixtures =
    [
        "project_full.p2", "project_full.p3", "project_full.p4", "project_full.p5", "user_full.p2", "question_effectiveness.p3",
        "behavior_pattern.p4", "knowledge_document.p5", "llm_usage.p2", "edge_values.p4",
    ];

    private static readonly Lazy<byte[][]> s_originals = new(() =>
        [.. s_fixtures.Select(f => File.ReadAllBytes(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "v1", "pickles", f + ".pickle")))]);

    public sealed record Mutation(int Kind, int Position, byte Value);

    public sealed record FuzzCase(int Fixture, Mutation[] Mutations)
    {
        public override string ToString() =>
            $"{s_fixtures[Fixture]} with [{string.Join(", ", Mutations.Select(m => $"{KindName(m.Kind)}@{m.Position}:{m.Value:x2}"))}]";

        private static string KindName(int kind) => kind switch { 0 => "flip", 1 => "set", 2 => "delete", 3 => "insert", _ => "truncate" };
    }

    private static Gen<FuzzCase> Cases { get; } =
        from fixture in Gen.Choose(0, s_fixtures.Length - 1)
        from count in Gen.Choose(1, 6)
        from mutations in Gen.ArrayOf(
            from kind in Gen.Frequency((4, Gen.Constant(0)), (4, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
            from position in Gen.Choose(0, int.MaxValue)
            from value in Gen.Choose(0, 255)
            select new Mutation(kind, position, (byte)value),
            count)
        select new FuzzCase(fixture, mutations);

    [Fact]
    public void Decode_MutatedFixture_OnlyEverThrowsPickleFormatException()
    {
        var arbitrary = Arb.From(Cases, c => c.Mutations.Length <= 1
            ? []
            : c.Mutations.Select((_, i) => c with { Mutations = c.Mutations.Where((_, j) => j != i).ToArray() }));

        PropertyRunner.Check(
            nameof(Decode_MutatedFixture_OnlyEverThrowsPickleFormatException),
            Prop.ForAll(arbitrary, c => Outcome(Apply(c)) is null),
            maxTest: TestProfile.Current.PropertyMaxTest * 20);
    }

    [Fact]
    public void Decode_EverySingleByteCorruptionOfASmallFixture_OnlyEverThrowsPickleFormatException()
    {
        var original = File.ReadAllBytes(Path.Combine(ArtifactPaths.RepositoryRoot, "fixtures", "v1", "pickles", "note.p4.pickle"));
        var failures = new List<string>();
        for (var position = 0; position < original.Length; position++)
        {
            foreach (var replacement in new[] { (byte)0x00, (byte)0xFF, (byte)(original[position] ^ 0x01), (byte)(original[position] ^ 0x80) })
            {
                var mutated = original.ToArray();
                mutated[position] = replacement;
                if (Outcome(mutated) is { } failure)
                {
                    failures.Add($"byte {position} := {replacement:x2}: {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static byte[] Apply(FuzzCase fuzz)
    {
        var bytes = s_originals.Value[fuzz.Fixture].ToList();
        foreach (var mutation in fuzz.Mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = mutation.Position % bytes.Count;
            switch (mutation.Kind)
            {
                case 0:
                    bytes[at] ^= (byte)(1 << (mutation.Value % 8));
                    break;
                case 1:
                    bytes[at] = mutation.Value;
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, mutation.Value);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Null when the input was decoded (and round-trips) or refused with a typed error; else what went wrong.</summary>
    private static string? Outcome(byte[] data)
    {
        try
        {
            var value = PickleDecoder.Decode(data);
            var again = PickleDecoder.Decode(PickleEncoder.Encode(value));
            return PyValueComparer.Strict.FindDifference(value, again)?.ToString();
        }
        catch (PickleFormatException)
        {
            return null;
        }
#pragma warning disable CA1031 // any other exception is the failure this property looks for
        catch (Exception error)
#pragma warning restore CA1031
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }
}
