using Socrates.Gates.Reporting.History;

namespace Socrates.Gates.Tests.Reporting.History;

[Trait("Category", "Unit")]
public sealed class RunHistoryFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RunRecord Run(int i) => new("c" + i, DateTimeOffset.UnixEpoch.AddDays(i), "ci", "GO", [new GatePoint("g", i, "pass")]);

    [Fact]
    public void Append_PastCapacity_KeepsTheNewest()
    {
        var path = Path.Combine(_folder, "sub", "runs.jsonl");
        for (var i = 0; i < RunHistoryFile.Capacity + 3; i++)
        {
            RunHistoryFile.Append(path, Run(i));
        }

        var problems = new List<string>();
        var runs = RunHistoryFile.Read(path, problems);

        Assert.Empty(problems);
        Assert.Equal(RunHistoryFile.Capacity, runs.Count);
        Assert.Equal("c3", runs[0].Commit);
        Assert.Equal(RunHistoryFile.Capacity + 2, runs[^1].Gates[0].Value);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Append_AfterBrokenLine_RewritesWithoutIt()
    {
        var path = Path.Combine(_folder, "runs.jsonl");
        RunHistoryFile.Append(path, Run(1));
        File.AppendAllText(path, "{not json\n");
        RunHistoryFile.Append(path, Run(2));

        var problems = new List<string>();
        var runs = RunHistoryFile.Read(path, problems);

        Assert.Equal(["c1", "c2"], runs.Select(r => r.Commit));
        Assert.Empty(problems);
    }

    [Fact]
    public void Read_BrokenLineInPlace_ProblemNamesTheLine()
    {
        var path = Path.Combine(_folder, "runs.jsonl");
        File.WriteAllText(path, "{not json\n");

        var problems = new List<string>();
        Assert.Empty(RunHistoryFile.Read(path, problems));
        Assert.Equal("line 1 is not a run record; skipped", Assert.Single(problems));
    }
}
