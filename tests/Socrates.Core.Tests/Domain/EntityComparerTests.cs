using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Testing.Generators;

namespace Socrates.Core.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class EntityComparerTests
{
    [Fact]
    public void Diff_SameProjectCopiedThroughDict_Empty()
    {
        var project = new SocratesDataGenerator(1).Project("o");
        var copy = Socrates.Core.Domain.Dicts.ProjectContextDict.FromDict(Socrates.Core.Domain.Dicts.ProjectContextDict.ToDict(project));
        copy.Version = 99;
        copy.ConversationHistoryLoaded = false;
        Assert.Empty(ProjectDiff.Compare(project, copy));
    }

    [Theory]
    [InlineData("decimal scale")]
    [InlineData("list order")]
    [InlineData("microsecond")]
    [InlineData("int vs float")]
    [InlineData("missing key")]
    [InlineData("extra item")]
    [InlineData("negative zero")]
    [InlineData("bytes")]
    [InlineData("null vs empty")]
    public void Diff_OneSubtleChange_ReportsItsPath(string change)
    {
        var project = new SocratesDataGenerator(2).Project("o");
        var copy = DeepCopy(project);
        var expectedPath = Mutate(copy, change);
        var diff = ProjectDiff.Compare(project, copy);
        Assert.NotEmpty(diff);
        Assert.All(diff, d => Assert.StartsWith(expectedPath, d, StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_ConversationHistoryIgnored_OnlyWhenAsked()
    {
        var project = new SocratesDataGenerator(3).Project("o");
        var lazy = DeepCopy(project);
        lazy.ConversationHistory.Clear();
        Assert.NotEmpty(ProjectDiff.Compare(project, lazy));
        Assert.Empty(ProjectDiff.Compare(project, lazy, includeConversationHistory: false));
    }

    /// <summary>An independent copy (the dict mappers alias free-form values; PyJson makes fresh ones).</summary>
    private static ProjectContext DeepCopy(ProjectContext project) =>
        Socrates.Core.Domain.Dicts.ProjectContextDict.FromDict(
            (Dictionary<string, object?>)Socrates.Core.Domain.Values.PyJson.Deserialize(
                Socrates.Core.Domain.Values.PyJson.Serialize(Socrates.Core.Domain.Dicts.ProjectContextDict.ToDict(project)))!);

    private static string Mutate(ProjectContext p, string change)
    {
        switch (change)
        {
            case "decimal scale":
                p.AnalyticsMetrics["amount"] = (decimal)p.AnalyticsMetrics["amount"]! * 1.0m;
                return "AnalyticsMetrics['amount']";
            case "list order":
                (p.Requirements[0], p.Requirements[1]) = (p.Requirements[1], p.Requirements[0]);
                return "Requirements[";
            case "microsecond":
                p.UpdatedAt = p.UpdatedAt.AddTicks(10);
                return "UpdatedAt";
            case "int vs float":
                p.AnalyticsMetrics["count"] = (double)(long)p.AnalyticsMetrics["count"]!;
                return "AnalyticsMetrics['count']";
            case "missing key":
                p.AnalyticsMetrics.Remove("flag");
                return "AnalyticsMetrics['flag']";
            case "extra item":
                p.TechStack.Add("cobol");
                return "TechStack";
            case "negative zero":
                p.OverallMaturity = p.OverallMaturity == 0 ? -0.0 : -p.OverallMaturity;
                return "OverallMaturity";
            case "bytes":
                p.AnalyticsMetrics["raw"] = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
                return "AnalyticsMetrics['raw']";
            case "null vs empty":
                p.Goals = p.Goals is null ? "" : null;
                return "Goals";
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
    }
}
