using Socrates.Core.Failpoints;
using Socrates.Core.Pickle;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.Pickle;

[Trait("Category", "Unit")]
public sealed class PickleDecoderHostileTests
{
    public static TheoryData<string> Fixtures() => [.. V1FixtureFiles.HostileCases().Select(h => h.File)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decode_HostileFixture_ThrowsAtExpectedOffsetAndOpcode(string file)
    {
        var hostile = V1FixtureFiles.HostileCases().Single(h => h.File == file);
        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(V1FixtureFiles.HostileBytes(hostile)));

        Assert.Equal(hostile.Offset, error.Offset);
        Assert.Equal(hostile.OpcodeByte, error.OpcodeByte);
        Assert.Equal(hostile.Opcode, error.OpcodeName);
        Assert.Contains($"offset {hostile.Offset}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("os_system_reduce.p2.pickle", PickleErrorCode.ForbiddenGlobal, "posix.system")]
    [InlineData("os_system_reduce.p4.pickle", PickleErrorCode.ForbiddenGlobal, "posix.system")]
    [InlineData("builtins_eval_reduce.p4.pickle", PickleErrorCode.ForbiddenGlobal, "builtins.eval")]
    [InlineData("aware_datetime.p2.pickle", PickleErrorCode.TimezoneAwareDateTime, "datetime.timezone")]
    [InlineData("aware_datetime.p4.pickle", PickleErrorCode.TimezoneAwareDateTime, "datetime.timezone")]
    [InlineData("unknown_opcode.p2.pickle", PickleErrorCode.UnknownOpcode, "0xff")]
    [InlineData("build_opcode.p2.pickle", PickleErrorCode.UnsupportedOpcode, "BUILD")]
    [InlineData("trailing_garbage.p2.pickle", PickleErrorCode.TrailingData, "follow STOP")]
    [InlineData("missing_stop.p3.pickle", PickleErrorCode.Truncated, "before STOP")]
    [InlineData("truncated_frame.p4.pickle", PickleErrorCode.Truncated, "FRAME")]
    [InlineData("huge_length.p2.pickle", PickleErrorCode.Truncated, "2147483647")]
    [InlineData("stack_underflow.p2.pickle", PickleErrorCode.StackUnderflow, "empty")]
    [InlineData("empty.p2.pickle", PickleErrorCode.EmptyInput, "empty")]
    [InlineData("bad_proto.p2.pickle", PickleErrorCode.UnsupportedProtocol, "protocol 9")]
    [InlineData("reduce_non_callable.p2.pickle", PickleErrorCode.InvalidReduce, "dict")]
    [InlineData("get_unknown_memo.p2.pickle", PickleErrorCode.InvalidMemoKey, "memo key 5")]
    public void Decode_HostileFixture_ReportsCodeAndCause(string file, PickleErrorCode code, string detail)
    {
        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(File.ReadAllBytes(Path.Combine(V1FixtureFiles.Root, "hostile", file))));

        Assert.Equal(code, error.Code);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], PickleErrorCode, long> Crafted() => new()
    {
        { "nesting 1001", HostilePickles.NestedLists(1001), PickleErrorCode.NestingTooDeep, 1002 },
        { "self-containing list", HostilePickles.SelfContainingList(), PickleErrorCode.Cycle, 2 },
        { "dict cycle through tuple", HostilePickles.DictCycleThroughTuple(), PickleErrorCode.Cycle, 2 },
        { "memo bomb 2^60", HostilePickles.MemoBomb(60), PickleErrorCode.TooManyItems, -1 },
        { "LONG4 2 GiB", HostilePickles.HugeLong4(), PickleErrorCode.Truncated, 2 },
        { "BINBYTES8 2^63", HostilePickles.HugeBinBytes8(), PickleErrorCode.Truncated, 2 },
        { "overlapping frames", HostilePickles.OverlappingFrames(), PickleErrorCode.InvalidFrame, 11 },
        { "datetime month 13", HostilePickles.BadDateTimeState(), PickleErrorCode.InvalidValue, 34 },
        { "Decimal NaN", HostilePickles.DecimalNaN(), PickleErrorCode.DecimalOutOfRange, 25 },
        { "tuple dict key", HostilePickles.TupleKey(), PickleErrorCode.UnsupportedDictKey, 5 },
        { "invalid UTF-8", HostilePickles.InvalidUtf8(), PickleErrorCode.InvalidValue, 2 },
    };

    [Theory]
    [MemberData(nameof(Crafted))]
    public void Decode_CraftedHostileInput_ThrowsTypedError(string name, byte[] data, PickleErrorCode code, long offset)
    {
        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data));

        Assert.True(code == error.Code, $"{name}: {error.Message}");
        if (offset >= 0)
        {
            Assert.Equal(offset, error.Offset);
        }
    }

    [Fact]
    public void Decode_NestingAtLimit_Succeeds()
    {
        var value = PickleDecoder.Decode(HostilePickles.NestedLists(1000));

        var depth = 0;
        for (var current = value; current is List<object?> list; current = list.Count == 0 ? null : list[0])
        {
            depth++;
        }

        Assert.Equal(1000, depth);
    }

    [Fact]
    public void Decode_ItemLimit_IsConfigurable()
    {
        var data = HostilePickles.ManyNones(100);
        Assert.Equal(100, Assert.IsType<List<object?>>(PickleDecoder.Decode(data)).Count);

        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data, new PickleDecoderOptions { MaxItems = 50 }));
        Assert.Equal(PickleErrorCode.TooManyItems, error.Code);
    }

    [Fact]
    public void Decode_InputLargerThanLimit_ThrowsInputTooLarge()
    {
        var data = PickleEncoder.Encode(new string('x', 2_000));

        var error = Assert.Throws<PickleFormatException>(() => PickleDecoder.Decode(data, new PickleDecoderOptions { MaxInputBytes = 1_000 }));

        Assert.Equal(PickleErrorCode.InputTooLarge, error.Code);
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PickleDecoder.Decode([0x80, 2, (byte)'N', (byte)'.'], new PickleDecoderOptions { MaxDepth = 0 }));
        Assert.Equal("MaxDepth", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PickleDecoderOptions { MaxDepth = PickleDecoderOptions.DepthCeiling + 1 }.Validate());
    }

    /// <summary>
    /// Every hostile input, from CPython and crafted, must be refused with a typed error at the
    /// expected place. Writes <c>pickle.hostile_inputs_rejected_rate</c> (1.0 = all) before asserting.
    /// </summary>
    [Fact]
    public void Decode_AllHostileInputs_RejectedRateIsOne()
    {
        var outcomes = JudgeAll();

        var rate = (double)outcomes.Count(o => o.Rejected) / outcomes.Count;
        var evidence = MetricsWriter.WriteEvidence("unit", "pickle-hostile-inputs.json", outcomes);
        MetricsWriter.Write("unit", "pickle.hostile_inputs_rejected_rate", rate, "ratio", evidence);

        Assert.True(outcomes.Count >= 30, $"only {outcomes.Count} hostile inputs");
        Assert.True(rate == 1.0, string.Join(Environment.NewLine, outcomes.Where(o => !o.Rejected)));
    }

    /// <summary>The canary: with the allow-list skipped, os.system and eval pickles decode and the rate drops.</summary>
    [Fact]
    public void RejectedRate_WithSkipAllowListFailpoint_DropsBelowOne()
    {
        List<HostileOutcome> outcomes;
        using (Failpoint.Enable(PickleFailpoints.DecodeSkipGlobalAllowList))
        {
            outcomes = JudgeAll();
        }

        var accepted = outcomes.Where(o => o.Outcome.StartsWith("accepted", StringComparison.Ordinal)).Select(o => o.Name).ToList();
        Assert.Contains("os_system_reduce.p2.pickle", accepted);
        Assert.Contains("builtins_eval_reduce.p4.pickle", accepted);
        Assert.True((double)outcomes.Count(o => o.Rejected) / outcomes.Count < 1.0);
    }

    public sealed record HostileOutcome(string Name, bool Rejected, string Outcome);

    private static List<HostileOutcome> JudgeAll()
    {
        var outcomes = new List<HostileOutcome>();
        foreach (var hostile in V1FixtureFiles.HostileCases())
        {
            outcomes.Add(Judge(hostile.File, V1FixtureFiles.HostileBytes(hostile), e => e.Offset == hostile.Offset && e.OpcodeName == hostile.Opcode));
        }

        foreach (var row in Crafted())
        {
            var (name, data, code, offset) = ((string)row[0], (byte[])row[1], (PickleErrorCode)row[2], (long)row[3]);
            outcomes.Add(Judge(name, data, e => e.Code == code && (offset < 0 || e.Offset == offset)));
        }

        return outcomes;
    }

    private static HostileOutcome Judge(string name, byte[] data, Func<PickleFormatException, bool> expected)
    {
        try
        {
            var value = PickleDecoder.Decode(data);
            return new(name, false, "accepted: " + PyValueComparer.Describe(value));
        }
        catch (PickleFormatException error)
        {
            return new(name, expected(error), error.Message);
        }
#pragma warning disable CA1031 // any other exception is exactly what this metric counts as a failure
        catch (Exception error)
#pragma warning restore CA1031
        {
            return new(name, false, "untyped " + error.GetType().Name + ": " + error.Message);
        }
    }
}
