using Microsoft.Extensions.Time.Testing;
using Socrates.Core.Domain;
using Socrates.Core.Domain.Dicts;
using Socrates.Core.Pickle;
using Socrates.Core.Repositories;
using Socrates.Testing.Generators;

namespace Socrates.Properties.Tests.Flags;

/// <summary>One answer of a workload run: the step's label and what the repository said (a snapshot).</summary>
public sealed record StepAnswer(int Index, string Step, object? Answer);

/// <summary>
/// The client: applies a workload to a repository and records every answer as an immutable
/// snapshot (later steps cannot change an earlier answer). Lazily loaded projects are
/// materialized through the repository's message paging first, so the recorded answer is what
/// the application ends up seeing. A failing step records its exception type as its answer.
/// </summary>
public static class WorkloadClient
{
    private const int MessagePage = 50;

    public static async Task<List<StepAnswer>> RunAsync(IProjectRepository repository, FakeTimeProvider time, Workload workload)
    {
        var answers = new List<StepAnswer>(workload.Steps.Count);
        for (var i = 0; i < workload.Steps.Count; i++)
        {
            var step = workload.Steps[i];
            time.Advance(TimeSpan.FromMilliseconds(1.5));
            object? answer;
            try
            {
                answer = await ApplyAsync(repository, step);
            }
            catch (Exception error)
            {
                answer = $"error {error.GetType().Name}";
            }

            answers.Add(new StepAnswer(i, step.ToString(), answer));
        }

        return answers;
    }

    /// <summary>The project a Save step stores: Bogus content from its seed, id and owner from the step.</summary>
    public static ProjectContext ProjectFor(WorkloadStep step)
    {
        var project = new SocratesDataGenerator(step.Seed).Project(step.Username, ProjectShape.Small);
        project.ProjectId = step.ProjectId;
        if (step.Seed % 3 == 0)
        {
            // Share some projects with another workload user, so lists see collaborators.
            project.Collaborators.Add($"u{(step.User + 1) % WorkloadGenerators.Users}");
        }

        if (step.Seed % 4 == 1)
        {
            // And some with a team member only (V1's get_user_projects shows those too).
            project.TeamMembers.Add(new TeamMember { Username = $"u{(step.User + 2) % WorkloadGenerators.Users}", Role = "reviewer" });
        }

        return project;
    }

    private static async Task<object?> ApplyAsync(IProjectRepository repository, WorkloadStep step)
    {
        switch (step.Kind)
        {
            case WorkloadKind.Save:
                await repository.SaveProjectAsync(ProjectFor(step));
                return "saved";
            case WorkloadKind.Update:
                var current = await LoadAsync(repository, step.ProjectId);
                if (current is null)
                {
                    return null;
                }

                var answer = Snapshot(current);
                current.Description = $"updated by seed {step.Seed}";
                current.Requirements.Add($"requirement {step.Seed}");
                current.Progress = step.Seed % 101;
                current.TechStack.Reverse();
                await repository.SaveProjectAsync(current);
                return answer;
            case WorkloadKind.Load:
                var loaded = await LoadAsync(repository, step.ProjectId);
                return loaded is null ? null : Snapshot(loaded);
            case WorkloadKind.Delete:
                return await repository.DeleteProjectAsync(step.ProjectId);
            case WorkloadKind.GetUserProjects:
                var projects = await repository.GetUserProjectsAsync(step.Username, step.IncludeArchived);
                return projects.Select(Snapshot).ToList();
            case WorkloadKind.Archive:
                return await repository.ArchiveProjectAsync(step.ProjectId);
            case WorkloadKind.Restore:
                return await repository.RestoreProjectAsync(step.ProjectId);
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "unknown step kind");
        }
    }

    private static async Task<ProjectContext?> LoadAsync(IProjectRepository repository, string projectId)
    {
        var project = await repository.LoadProjectAsync(projectId);
        if (project is null || project.ConversationHistoryLoaded)
        {
            return project;
        }

        var messages = new List<ConversationMessage>();
        while (true)
        {
            var page = await repository.GetProjectMessagesAsync(projectId, messages.Count, MessagePage);
            messages.AddRange(page);
            if (page.Count < MessagePage)
            {
                break;
            }
        }

        project.ConversationHistory = messages;
        project.ConversationHistoryLoaded = true;
        return project;
    }

    private static ProjectContext Snapshot(ProjectContext project)
    {
        var dict = (Dictionary<string, object?>)PickleDecoder.Decode(PickleEncoder.Encode(ProjectContextDict.ToDict(project)))!;
        return ProjectContextDict.FromDict(dict);
    }
}
