using Socrates.Core.Domain.Comparison;
using Socrates.Core.Failpoints;
using Socrates.Core.V2;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class RoundTripTests
{
    private const int Seed = 20_240_601;

    [Fact]
    public async Task SaveThenLoad_GeneratedDatasetEveryField_EqualFieldByField()
    {
        var result = await MeasureAsync();
        var evidence = MetricsWriter.WriteEvidence("unit", "v2-roundtrip.json", result);
        MetricsWriter.Write("unit", "v2.roundtrip.equality_rate", result.Rate, "ratio", evidence);
        Assert.True(result.Compared >= 100, $"only {result.Compared} entities compared");
        Assert.True(result.Rate == 1.0, string.Join("\n", result.Differences.Take(20)));
    }

    [Fact]
    public async Task SaveThenLoad_DropFieldFailpoint_RateBelowOne()
    {
        using (Failpoint.Enable(V2Failpoints.SaveDropField))
        {
            var result = await MeasureAsync();
            Assert.True(result.Rate < 1.0, "the drop-field canary must lower the round-trip rate");
            Assert.Contains(result.Differences, d => d.Contains("Description", StringComparison.Ordinal));
        }
    }

    internal static async Task<RoundTripResult> MeasureAsync()
    {
        await using var test = await TestDatabase.CreateAsync();
        var db = test.Database;
        var generator = new SocratesDataGenerator(Seed);
        var data = generator.Dataset(new DatasetShape(Users: 6, ProjectsPerUser: 4, Project: ProjectShape.Default, NotesPerProject: 2, DocumentsPerProject: 1));
        var differences = new List<string>();
        var compared = 0;
        var equal = 0;

        void Count(string what, IReadOnlyList<string> diff)
        {
            compared++;
            if (diff.Count == 0)
            {
                equal++;
            }
            else
            {
                differences.AddRange(diff.Select(d => $"{what}: {d}"));
            }
        }

        foreach (var user in data.Users)
        {
            await db.SaveUserAsync(user);
        }

        foreach (var project in data.Projects)
        {
            await db.SaveProjectAsync(project, null);
        }

        foreach (var note in data.Notes)
        {
            await db.SaveNoteAsync(note);
        }

        foreach (var document in data.Documents)
        {
            await db.SaveKnowledgeDocumentAsync(document);
        }

        foreach (var record in data.QuestionEffectiveness)
        {
            await db.SaveQuestionEffectivenessAsync(record);
        }

        foreach (var pattern in data.BehaviorPatterns)
        {
            await db.SaveBehaviorPatternAsync(pattern);
        }

        foreach (var config in data.ProviderConfigs)
        {
            await db.SaveLlmProviderConfigAsync(config);
        }

        foreach (var key in data.ApiKeys)
        {
            await db.SaveApiKeyAsync(key);
        }

        foreach (var usage in data.Usage)
        {
            await db.SaveLlmUsageAsync(usage);
        }

        foreach (var project in data.Projects)
        {
            var loaded = await db.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
            Count($"project {project.ProjectId}", loaded is null ? ["missing"] : ProjectDiff.Compare(project, loaded));
        }

        foreach (var user in data.Users)
        {
            Count($"user {user.Username}", EntityComparer.Diff(user, await db.LoadUserAsync(user.Username)));
        }

        foreach (var note in data.Notes)
        {
            Count($"note {note.NoteId}", EntityComparer.Diff(note, await db.LoadNoteAsync(note.NoteId)));
        }

        foreach (var document in data.Documents)
        {
            Count($"document {document.Id}", EntityComparer.Diff(document, await db.LoadKnowledgeDocumentAsync(document.Id)));
        }

        foreach (var record in data.QuestionEffectiveness)
        {
            Count($"qe {record.Id}", EntityComparer.Diff(record, await db.LoadQuestionEffectivenessAsync(record.UserId, record.QuestionTemplateId)));
        }

        foreach (var pattern in data.BehaviorPatterns)
        {
            Count($"pattern {pattern.Id}", EntityComparer.Diff(pattern, await db.LoadBehaviorPatternAsync(pattern.UserId, pattern.PatternType)));
        }

        foreach (var config in data.ProviderConfigs)
        {
            Count($"config {config.Id}", EntityComparer.Diff(config, await db.LoadLlmProviderConfigAsync(config.UserId, config.Provider)));
        }

        foreach (var key in data.ApiKeys)
        {
            Count($"key {key.Id}", EntityComparer.Diff(key, await db.LoadApiKeyAsync(key.UserId, key.Provider)));
        }

        foreach (var user in data.Users)
        {
            var stored = await db.GetUserLlmUsageAsync(user.Username, limit: 1000);
            foreach (var usage in data.Usage.Where(u => u.UserId == user.Username))
            {
                Count($"usage {usage.Id}", EntityComparer.Diff(usage, stored.SingleOrDefault(s => s.Id == usage.Id)));
            }
        }

        return new RoundTripResult(Seed, compared, equal, compared == 0 ? 0 : (double)equal / compared, differences);
    }

    internal sealed record RoundTripResult(int Seed, int Compared, int Equal, double Rate, List<string> Differences);
}
