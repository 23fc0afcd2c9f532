using Socrates.Core.Domain;
using Socrates.Core.DualRun;
using Socrates.Core.Failpoints;

namespace Socrates.Core.Repositories.Faults;

/// <summary>
/// The canaries of the repositories' answers, as a transform of the project a repository is about
/// to return: off (one field read), the project is returned as it came. Each is the wrong answer
/// a comparison gate exists to catch.
/// </summary>
internal static class AnswerFaults
{
    /// <summary>
    /// <paramref name="copy"/>, the caller's copy of a cached project; under
    /// <see cref="RepositoryFailpoints.CombinationChangesAnswer"/> its requirements cut to the first.
    /// </summary>
    public static ProjectContext ServedFromCache(ProjectContext copy)
    {
        if (Failpoint.IsActive(RepositoryFailpoints.CombinationChangesAnswer) && copy.Requirements.Count > 1)
        {
            copy.Requirements = copy.Requirements.Take(1).ToList();
        }

        return copy;
    }

    /// <summary>
    /// <paramref name="project"/>, as V2 loaded it; under <see cref="DualRunFailpoints.V2AnswerDiffers"/>
    /// with " [v2]" appended to its description.
    /// </summary>
    public static ProjectContext? LoadedFromV2(ProjectContext? project)
    {
        if (project is not null && Failpoint.IsActive(DualRunFailpoints.V2AnswerDiffers))
        {
            project.Description += " [v2]";
        }

        return project;
    }
}
