namespace Socrates.Properties.Tests.Flags;

/// <summary>What a workload step does to the repository.</summary>
public enum WorkloadKind
{
    Save,
    Update,
    Load,
    Delete,
    GetUserProjects,
    Archive,
    Restore,
}

/// <summary>
/// One step of a generated repository workload: on user <c>u{User}</c> and project
/// <c>p{Project}</c>; <see cref="Seed"/> drives the Bogus content of saves and the edits of updates.
/// </summary>
public sealed record WorkloadStep(WorkloadKind Kind, int User, int Project, int Seed, bool IncludeArchived)
{
    public string ProjectId => $"p{Project}";

    public string Username => $"u{User}";

    public override string ToString() => Kind switch
    {
        WorkloadKind.Save => $"Save({ProjectId} owner {Username}, seed {Seed})",
        WorkloadKind.Update => $"Update({ProjectId}, seed {Seed})",
        WorkloadKind.GetUserProjects => $"GetUserProjects({Username}, archived {IncludeArchived})",
        _ => $"{Kind}({ProjectId})",
    };
}

/// <summary>A sequence of steps, printed one per line in a counter-example.</summary>
public sealed record Workload(IReadOnlyList<WorkloadStep> Steps)
{
    public override string ToString() => $"{Steps.Count} steps:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Steps);
}
