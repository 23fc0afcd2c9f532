using FsCheck;
using FsCheck.Fluent;

namespace Socrates.Properties.Tests.Flags;

/// <summary>FsCheck generators of repository workloads over a few users and projects, and a shrinker that drops steps.</summary>
public static class WorkloadGenerators
{
    public const int Users = 3;
    public const int Projects = 4;

    public static Gen<WorkloadStep> Step { get; } =
        from kind in Gen.Frequency(
            (5, Gen.Constant(WorkloadKind.Save)),
            (4, Gen.Constant(WorkloadKind.Update)),
            (5, Gen.Constant(WorkloadKind.Load)),
            (1, Gen.Constant(WorkloadKind.Delete)),
            (3, Gen.Constant(WorkloadKind.GetUserProjects)),
            (2, Gen.Constant(WorkloadKind.Archive)),
            (2, Gen.Constant(WorkloadKind.Restore)))
        from user in Gen.Choose(0, Users - 1)
        from project in Gen.Choose(0, Projects - 1)
        from seed in Gen.Choose(0, 1_000_000)
        from archived in Gen.Elements(true, false)
        select new WorkloadStep(kind, user, project, seed, archived);

    /// <summary>Between 5 and 40 steps (scaled by FsCheck's size).</summary>
    public static Gen<Workload> Workload { get; } =
        Gen.Sized(size => Gen.Choose(5, Math.Clamp(size, 5, 40)))
            .SelectMany(n => Gen.ListOf(Step, n))
            .Select(steps => new Workload([.. steps]));

    public static Arbitrary<Workload> Arbitrary { get; } = Arb.From(Workload, Shrink);

    /// <summary>Shorter workloads first: each half, then each single step removed.</summary>
    public static IEnumerable<Workload> Shrink(Workload workload)
    {
        var steps = workload.Steps;
        if (steps.Count > 1)
        {
            yield return new Workload(steps.Take(steps.Count / 2).ToList());
            yield return new Workload(steps.Skip(steps.Count / 2).ToList());
        }

        for (var i = 0; i < steps.Count; i++)
        {
            yield return new Workload(steps.Where((_, j) => j != i).ToList());
        }
    }
}
