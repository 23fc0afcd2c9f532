using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Jepsen;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Simulation;

namespace Socrates.Testing.Tests.Linearizability.Checking;

[Trait("Category", "Unit")]
public sealed class PorcupineKeyValueTests
{
    private static readonly SimulationOptions s_fiftyClients = new()
    {
        Seed = 19,
        Clients = 50,
        Operations = 2_000,
        MaxLatency = 10,
        MaxThinkTime = 3,
        IndeterminateRate = 0.01,
    };

    private static CheckResult<KeyValueInput, string?> CheckText(string text, HistoryFormat format = HistoryFormat.Auto)
    {
        var operations = JepsenHistoryReader.Read(text);
        var resolved = HistoryFormats.Resolve(format, operations);
        return LinearizabilityChecker.Check(
            new KeyValueModel(HistoryFormats.KeyValueInitialValue(resolved)),
            JepsenHistories.ToKeyValue(operations, resolved),
            new CheckOptions { Timeout = TimeSpan.FromMinutes(1) });
    }

    [Fact]
    public void ToKeyValue_PorcupineForm_KeyFromItsOwnField()
    {
        const string text = """
            {:process 0, :type :invoke, :f :append, :key "2", :value "x 0 0 y"}
            {:process 0, :type :ok, :f :append, :key "2", :value "x 0 0 y"}
            {:process 1, :type :invoke, :f :get, :key "2", :value nil}
            {:process 1, :type :ok, :f :get, :key "2", :value "x 0 0 y"}
            {:process 1, :type :invoke, :f :put, :key "3", :value "z"}
            {:process 1, :type :ok, :f :put, :key "3", :value "z"}
            """;

        var operations = JepsenHistoryReader.Read(text);
        var history = JepsenHistories.ToKeyValue(operations);

        Assert.Equal(HistoryFormat.Porcupine, HistoryFormats.Resolve(HistoryFormat.Auto, operations));
        Assert.Equal(KeyValueInput.Append("2", "x 0 0 y"), history[0].Input);
        Assert.Equal((KeyValueInput.Get("2"), "x 0 0 y"), (history[1].Input, history[1].Output));
        Assert.Equal(KeyValueInput.Put("3", "z"), history[2].Input);
    }

    [Fact]
    public void Check_PorcupineNeverWrittenKeyReadsEmpty_Linearizable()
    {
        const string text = """
            {:process 0, :type :invoke, :f :get, :key "1", :value nil}
            {:process 0, :type :ok, :f :get, :key "1", :value ""}
            """;

        Assert.Equal(CheckOutcome.Linearizable, CheckText(text).Outcome);
    }

    [Fact]
    public void Check_PorcupineStaleEmptyRead_NotLinearizable()
    {
        const string text = """
            {:process 0, :type :invoke, :f :append, :key "1", :value "a"}
            {:process 0, :type :ok, :f :append, :key "1", :value "a"}
            {:process 1, :type :invoke, :f :get, :key "1", :value nil}
            {:process 1, :type :ok, :f :get, :key "1", :value ""}
            """;

        Assert.Equal(CheckOutcome.NotLinearizable, CheckText(text).Outcome);
    }

    [Fact]
    public void ToKeyValue_PorcupineFormNamedButNoKey_ThrowsWithLine()
    {
        var operations = JepsenHistoryReader.Read("{:process 0, :type :invoke, :f :get, :value [\"1\" nil]}\n{:process 0, :type :ok, :f :get, :value [\"1\" nil]}");

        var error = Assert.Throws<JepsenHistoryException>(() => JepsenHistories.ToKeyValue(operations, HistoryFormat.Porcupine));

        Assert.Contains("Line 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains(":key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_FiftyClientsWrittenInPorcupineForm_Linearizable()
    {
        var text = PorcupineHistoryWriter.Write(KeyValueSimulation.Run(s_fiftyClients, keys: 10));

        Assert.Equal(CheckOutcome.Linearizable, CheckText(text).Outcome);
    }

    [Fact]
    public void Check_FiftyClientsWithOneStaleGetInPorcupineForm_NotLinearizable()
    {
        var history = Simulations.InjectStaleGet(KeyValueSimulation.Run(s_fiftyClients, keys: 10), choice: 100)!;
        var text = PorcupineHistoryWriter.Write(history);

        var result = CheckText(text);

        Assert.Equal(CheckOutcome.NotLinearizable, result.Outcome);
        Assert.Single(result.Partitions, p => p.Outcome == CheckOutcome.NotLinearizable);
    }

    [Fact]
    public void Check_ParallelAndSequential_SamePartitionVerdicts()
    {
        var history = Simulations.InjectStaleGet(KeyValueSimulation.Run(s_fiftyClients, keys: 10), choice: 100)!;

        var parallel = LinearizabilityChecker.Check(new KeyValueModel(), history, new CheckOptions { MaxDegreeOfParallelism = 4 });
        var sequential = LinearizabilityChecker.Check(new KeyValueModel(), history, new CheckOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(CheckOutcome.NotLinearizable, parallel.Outcome);
        Assert.Equal(sequential.Partitions.Select(p => (p.Key, p.Outcome, p.OperationCount)), parallel.Partitions.Select(p => (p.Key, p.Outcome, p.OperationCount)));
        Assert.Equal(sequential.Violation!.Blocked.Id, parallel.Violation!.Blocked.Id);
    }
}
