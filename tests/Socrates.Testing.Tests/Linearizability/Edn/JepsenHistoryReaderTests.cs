using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Jepsen;
using Socrates.Testing.Linearizability.Models;

namespace Socrates.Testing.Tests.Linearizability.Edn;

[Trait("Category", "Unit")]
public sealed class JepsenHistoryReaderTests
{
    [Fact]
    public void Read_InvokeOkFailInfo_PairedByProcess()
    {
        const string text = """
            {:process 0, :type :invoke, :f :write, :value 1, :time 100}
            {:process 1, :type :invoke, :f :read, :value nil}
            {:process 0, :type :ok, :f :write, :value 1}
            {:process :nemesis, :type :info, :f :start, :value nil}
            {:process 1, :type :ok, :f :read, :value 1}
            {:process 2, :type :invoke, :f :write, :value 2}
            {:process 2, :type :fail, :f :write, :value 2}
            {:process 3, :type :invoke, :f :write, :value 3}
            {:process 3, :type :info, :f :write, :value 3}
            {:process 4, :type :invoke, :f :read, :value nil}
            """;

        var ops = JepsenHistoryReader.Read(text);

        Assert.Equal(5, ops.Count);
        Assert.Equal((0, "write", OperationStatus.Ok, 1L, 3L), (ops[0].Process, ops[0].F, ops[0].Status, ops[0].InvokedAt, ops[0].CompletedAt));
        Assert.Equal(new EdnInteger(1), ops[1].CompletionValue);
        Assert.Equal(OperationStatus.Failed, ops[2].Status);
        Assert.Equal(OperationStatus.Indeterminate, ops[3].Status);
        Assert.Equal(Operation<object, object>.Never, ops[3].CompletedAt);
        Assert.Equal((OperationStatus.Indeterminate, 10), (ops[4].Status, ops[4].InvokeLine));
    }

    [Fact]
    public void Read_SingleVectorOfMapsAndTaggedOps_Accepted()
    {
        const string text = "[#jepsen.history.Op{:index 0 :process 0 :type :invoke :f :read :value nil}\n {:process 0 :type :ok :f :read :value nil}]";

        var op = Assert.Single(JepsenHistoryReader.Read(text));

        Assert.Equal(OperationStatus.Ok, op.Status);
    }

    [Theory]
    [InlineData("{:process 0, :type :invoke, :f :read}\n{:process 0, :type :invoke, :f :read}", 2, "jepsen.overlapping-invocation")]
    [InlineData("{:process 0, :type :invoke, :f :read}\n\n{:process 1, :type :ok, :f :read}", 3, "jepsen.unmatched-completion")]
    [InlineData("{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :write}", 2, "jepsen.mismatched-f")]
    [InlineData("{:process 0, :type :invoke, :f :read}\n[1 2]", 2, "jepsen.not-a-map")]
    [InlineData("{:type :invoke, :f :read}", 1, "jepsen.missing-key")]
    [InlineData("{:process 0, :type :begin, :f :read}", 1, "jepsen.bad-type")]
    [InlineData("{:process 0, :type :invoke}", 1, "jepsen.missing-key")]
    [InlineData("{:process -1, :type :invoke, :f :read}", 1, "jepsen.bad-process")]
    [InlineData("[{:process 0, :type :invoke, :f :read}]\n{:a 1}", 2, "jepsen.trailing")]
    public void Read_Malformed_ThrowsWithLineAndCode(string text, int line, string code)
    {
        var error = Assert.Throws<JepsenHistoryException>(() => JepsenHistoryReader.Read(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(code, error.Code);
        Assert.StartsWith($"Line {line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadEdn_EdnFormatExceptionWithLine()
    {
        var error = Assert.ThrowsAny<HistoryFormatException>(() => JepsenHistoryReader.Read("{:process 0, :type :invoke, :f :read}\n{:process 0 :type"));

        Assert.IsType<EdnFormatException>(error);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void ToRegister_CasHistory_ChecksLostUpdate()
    {
        const string text = """
            {:process 0, :type :invoke, :f :cas, :value [nil 1]}
            {:process 1, :type :invoke, :f :cas, :value [nil 2]}
            {:process 0, :type :ok, :f :cas, :value [nil 1]}
            {:process 1, :type :ok, :f :cas, :value [nil 2]}
            """;

        var history = JepsenHistories.ToRegister(JepsenHistoryReader.Read(text), allowCas: true);

        Assert.Equal(RegisterInput<string>.Cas(null!, "1"), history[0].Input);
        Assert.Equal(CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(new CasRegisterModel<string>(), history).Outcome);
    }

    [Fact]
    public void ToRegister_CasWithoutCasModel_ThrowsWithLine()
    {
        var ops = JepsenHistoryReader.Read("{:process 0, :type :invoke, :f :read}\n{:process 1, :type :invoke, :f :cas, :value [1 2]}");

        var error = Assert.Throws<JepsenHistoryException>(() => JepsenHistories.ToRegister(ops, allowCas: false));

        Assert.Equal(2, error.Line);
        Assert.Contains("cas-register", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRegister_ValuesComparedAsEdn_StringAndNumberDiffer()
    {
        const string text = """
            {:process 0, :type :invoke, :f :write, :value "1"}
            {:process 0, :type :ok, :f :write, :value "1"}
            {:process 1, :type :invoke, :f :read, :value nil}
            {:process 1, :type :ok, :f :read, :value 1}
            """;

        var history = JepsenHistories.ToRegister(JepsenHistoryReader.Read(text), allowCas: false);

        Assert.Equal(CheckOutcome.NotLinearizable, LinearizabilityChecker.Check(new RegisterModel<string>(), history).Outcome);
    }

    [Fact]
    public void ToKeyValue_TupleMapAndBareKeyForms_Read()
    {
        const string text = """
            {:process 0, :type :invoke, :f :put, :value [:k1 5]}
            {:process 0, :type :ok, :f :put, :value [:k1 5]}
            {:process 1, :type :invoke, :f :append, :value {:key "k1", :value "x"}}
            {:process 1, :type :ok, :f :append, :value {:key "k1", :value "x"}}
            {:process 2, :type :invoke, :f :get, :value :k1}
            {:process 2, :type :ok, :f :get, :value [:k1 "5x"]}
            {:process 2, :type :invoke, :f :read, :value [:k2 nil]}
            {:process 2, :type :ok, :f :read, :value [:k2 nil]}
            """;

        var history = JepsenHistories.ToKeyValue(JepsenHistoryReader.Read(text));

        Assert.Equal(KeyValueInput.Put("k1", "5"), history[0].Input);
        Assert.Equal(KeyValueInput.Append("k1", "x"), history[1].Input);
        Assert.Equal((KeyValueInput.Get("k1"), "5x"), (history[2].Input, history[2].Output));
        Assert.Equal((KeyValueInput.Get("k2"), (string?)null), (history[3].Input, history[3].Output));
        Assert.Equal(CheckOutcome.Linearizable, LinearizabilityChecker.Check(new KeyValueModel(), history).Outcome);
    }

    [Fact]
    public void ToKeyValue_CompletionForOtherKey_Throws()
    {
        var ops = JepsenHistoryReader.Read("{:process 0, :type :invoke, :f :get, :value [:a nil]}\n{:process 0, :type :ok, :f :get, :value [:b 1]}");

        var error = Assert.Throws<JepsenHistoryException>(() => JepsenHistories.ToKeyValue(ops));

        Assert.Equal(1, error.Line);
        Assert.Contains("'b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToKeyValue_PutWithoutValue_Throws()
    {
        var ops = JepsenHistoryReader.Read("{:process 0, :type :invoke, :f :put, :value :a}");

        Assert.Throws<JepsenHistoryException>(() => JepsenHistories.ToKeyValue(ops));
    }
}
