using Socrates.Core.Failpoints;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Comparison;
using Socrates.Core.V2;
using Socrates.Core.V2.Validation;
using Socrates.Testing.Generators;
using Socrates.Testing.Metrics;

namespace Socrates.Core.Tests.V2;

[Trait("Category", "Unit")]
public sealed class HostileInputTests
{
    private static readonly string[] s_injections =
    [
        "Robert'); DROP TABLE projects;--",
        "' OR '1'='1",
        "x\"; DELETE FROM users WHERE \"1\"=\"1",
        "$id",
        "1; UPDATE projects SET owner = 'mallory'",
        "%' UNION SELECT passcode_hash FROM users --",
    ];

    [Fact]
    public async Task Validation_FixedHostileList_InvalidRejectedAndInjectionStoredVerbatim()
    {
        await using var test = await TestDatabase.CreateAsync(o =>
        {
            o.MaxMessageLength = 1_000;
            o.MaxTextLength = 2_000;
        });
        var db = test.Database;
        var cases = InvalidCases(db);
        var outcomes = new List<object>();
        var rejected = 0;
        foreach (var (name, call, field) in cases)
        {
            string outcome;
            try
            {
                await call();
                outcome = "ACCEPTED";
            }
            catch (ValidationException error)
            {
                outcome = $"rejected: {error.Field}: {error.Problem}";
                if (error.Field.StartsWith(field, StringComparison.Ordinal))
                {
                    rejected++;
                }
            }
            catch (Exception other) when (Failpoint.IsActive(V2Failpoints.ValidationOff))
            {
                // Only under the canary: the input got past validation and failed further in.
                outcome = $"not validated: {other.GetType().Name}";
            }

            outcomes.Add(new { Case = name, Expected = field, Outcome = outcome });
        }

        var rate = (double)rejected / cases.Count;
        var evidence = MetricsWriter.WriteEvidence("unit", "v2-hostile-input.json", outcomes);
        MetricsWriter.Write("unit", "v2.validation.hostile_rejected_rate", rate, "ratio", evidence);
        Assert.True(rate == 1.0, string.Join("\n", outcomes.Select(o => o.ToString())));
        Assert.Equal(0, await db.CountUsersAsync(true));
        Assert.Equal(0, await db.CountUserProjectsAsync("owner", true));

        var generator = new SocratesDataGenerator(5);
        foreach (var injection in s_injections)
        {
            var project = generator.Project("owner", ProjectShape.Small);
            project.Name = injection;
            project.Description = injection;
            project.Requirements.Add(injection);
            project.ConversationHistory[0].Content = injection;
            await db.SaveProjectAsync(project, null);
            var loaded = await db.LoadProjectAsync(project.ProjectId, ProjectLoad.Full);
            Assert.Empty(ProjectDiff.Compare(project, loaded!));
            Assert.Equal(project.ProjectId, (await db.GetProjectByNameAsync("owner", injection))?.ProjectId);
        }

        Assert.Equal(s_injections.Length, await db.CountUserProjectsAsync("owner", true));
    }

    [Fact]
    public async Task Validation_ValidationOffFailpoint_HostileInputGetsThrough()
    {
        await using var test = await TestDatabase.CreateAsync(o => o.MaxTextLength = 2_000);
        var db = test.Database;
        using (Failpoint.Enable(V2Failpoints.ValidationOff))
        {
            var accepted = 0;
            foreach (var (_, call, _) in InvalidCases(db))
            {
                try
                {
                    await call();
                    accepted++;
                }
                catch (Exception)
                {
                    // rejected anyway: by a check outside the validator, a CHECK constraint, a null
                }
            }

            Assert.True(accepted > 0, "with validation off, some hostile input must be stored");
        }
    }

    private static List<(string Name, Func<Task> Call, string Field)> InvalidCases(AsyncProjectDatabase db)
    {
        var generator = new SocratesDataGenerator(99);
        ProjectContext Project(Action<ProjectContext> change)
        {
            var p = generator.Project("owner", ProjectShape.Small);
            change(p);
            return p;
        }

        User User(Action<User> change)
        {
            var u = generator.User("hostile-user");
            change(u);
            return u;
        }

        return
        [
            ("project id too long", () => db.SaveProjectAsync(Project(p => p.ProjectId = new string('a', 101)), null), "project_id"),
            ("project id empty", () => db.SaveProjectAsync(Project(p => p.ProjectId = ""), null), "project_id"),
            ("project id with NUL", () => db.SaveProjectAsync(Project(p => p.ProjectId = "abc\0def"), null), "project_id"),
            ("project id with newline", () => db.SaveProjectAsync(Project(p => p.ProjectId = "abc\ndef"), null), "project_id"),
            ("project id with escape", () => db.SaveProjectAsync(Project(p => p.ProjectId = "abc\u001bdef"), null), "project_id"),
            ("project id padded", () => db.SaveProjectAsync(Project(p => p.ProjectId = " abc"), null), "project_id"),
            ("name too long", () => db.SaveProjectAsync(Project(p => p.Name = new string('n', 201)), null), "name"),
            ("name empty", () => db.SaveProjectAsync(Project(p => p.Name = ""), null), "name"),
            ("name with NUL", () => db.SaveProjectAsync(Project(p => p.Name = "good\0bad"), null), "name"),
            ("owner with control", () => db.SaveProjectAsync(Project(p => p.Owner = "own\u0007er"), null), "owner"),
            ("phase undefined", () => db.SaveProjectAsync(Project(p => p.Phase = (Phase)99), null), "phase"),
            ("status unknown", () => db.SaveProjectAsync(Project(p => p.Status = "deleted"), null), "status"),
            ("status case", () => db.SaveProjectAsync(Project(p => p.Status = "ACTIVE"), null), "status"),
            ("progress 101", () => db.SaveProjectAsync(Project(p => p.Progress = 101), null), "progress"),
            ("progress -1", () => db.SaveProjectAsync(Project(p => p.Progress = -1), null), "progress"),
            ("maturity NaN", () => db.SaveProjectAsync(Project(p => p.OverallMaturity = double.NaN), null), "overall_maturity"),
            ("description oversize", () => db.SaveProjectAsync(Project(p => p.Description = new string('d', 2_001)), null), "description"),
            ("message oversize", () => db.SaveProjectAsync(Project(p => p.ConversationHistory[0].Content = new string('m', 1_001)), null), "conversation_history[0].content"),
            ("requirement oversize", () => db.SaveProjectAsync(Project(p => p.Requirements.Add(new string('r', 2_001))), null), "requirements["),
            ("collaborator with NUL", () => db.SaveProjectAsync(Project(p => p.Collaborators.Add("x\0")), null), "collaborators["),
            ("team member blank", () => db.SaveProjectAsync(Project(p => p.TeamMembers[0].Username = ""), null), "team_members[0].username"),
            ("sub-microsecond time", () => db.SaveProjectAsync(Project(p => p.UpdatedAt = p.UpdatedAt.AddTicks(3)), null), "updated_at"),
            ("negative expected version", () => db.SaveProjectAsync(Project(_ => { }), -5), "expectedVersion"),
            ("append oversize message", () => db.AppendMessageAsync("pid", new ConversationMessage { Content = new string('m', 1_001) }), "message.content"),
            ("page limit 0", () => db.GetProjectMessagesAsync("pid", 0, 0), "limit"),
            ("page offset negative", () => db.GetProjectMessagesAsync("pid", -1, 10), "offset"),
            ("load with NUL id", () => db.LoadProjectAsync("a\0b"), "project_id"),
            ("username too long", () => db.SaveUserAsync(User(u => u.Username = new string('u', 101))), "username"),
            ("username with tab", () => db.SaveUserAsync(User(u => u.Username = "a\tb")), "username"),
            ("user project id with NUL", () => db.SaveUserAsync(User(u => u.Projects.Add("p\0"))), "projects["),
            ("collaborator add with control", () => db.AddCollaboratorToProjectAsync("pid", "bad\u0001user"), "username"),
            ("note content oversize", () => db.SaveNoteAsync(new ProjectNote { NoteId = "n1", ProjectId = "pid", Content = new string('c', 2_001) }), "content"),
            ("usage negative tokens", () => db.SaveLlmUsageAsync(new LlmUsageRecord { Id = "u1", UserId = "u", Provider = "p", Model = "m", InputTokens = -1 }), "tokens"),
            ("null project", () => db.SaveProjectAsync(null!, null), "project"),
        ];
    }
}
