using Socrates.Core.Migration.Steps;

namespace Socrates.Core.Migration.Conflicts;

/// <summary>
/// Judges registered steps by their footprints alone (nothing is run): two steps altering the
/// same table or column without a declared ordering, a step needing what an earlier step
/// dropped, a step creating what an earlier one created. Steps are taken in version order.
/// </summary>
public static class MigrationConflictChecker
{
    public static IReadOnlyList<MigrationConflict> Check(IEnumerable<IMigrationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var ordered = steps.OrderBy(s => s.Version).ToList();
        var conflicts = new List<MigrationConflict>();
        for (var j = 0; j < ordered.Count; j++)
        {
            var later = ordered[j];
            for (var i = 0; i < j; i++)
            {
                var earlier = ordered[i];
                CheckAlters(earlier, later, ordered, conflicts);
                CheckDuplicateCreates(earlier, later, ordered, i, j, conflicts);
                CheckDependsOnDropped(earlier, later, ordered, i, j, conflicts);
            }
        }

        return conflicts;
    }

    private static void CheckAlters(IMigrationStep earlier, IMigrationStep later, List<IMigrationStep> ordered, List<MigrationConflict> conflicts)
    {
        if (IsOrdered(earlier, later, ordered))
        {
            return;
        }

        foreach (var a in earlier.Footprint.Alters)
        {
            foreach (var b in later.Footprint.Alters.Where(a.Overlaps))
            {
                var (table, column) = Narrowest(a, b);
                conflicts.Add(new MigrationConflict(
                    MigrationConflictKind.ConcurrentAlter,
                    [earlier.Version, later.Version],
                    table,
                    column,
                    $"steps {earlier.Version} and {later.Version} both alter {b}; declare step {later.Version} to come after {earlier.Version} if that order is intended"));
            }
        }
    }

    private static void CheckDuplicateCreates(IMigrationStep earlier, IMigrationStep later, List<IMigrationStep> ordered, int i, int j, List<MigrationConflict> conflicts)
    {
        var duplicates = later.Footprint.Creates.Where(earlier.Footprint.Creates.Contains).ToList();
        var duplicateTables = duplicates.Where(d => d.Kind == SchemaObjectKind.Table).Select(d => d.Table).ToHashSet();
        foreach (var created in duplicates)
        {
            // A table created twice is one finding, not one more per column.
            if ((created.Kind == SchemaObjectKind.Column && duplicateTables.Contains(created.Table)) || DroppedBetween(created, ordered, i, j))
            {
                continue;
            }

            conflicts.Add(new MigrationConflict(
                MigrationConflictKind.DuplicateCreate,
                [earlier.Version, later.Version],
                created.Table,
                created.Name,
                $"step {later.Version} creates {created}, which step {earlier.Version} already created"));
        }
    }

    private static void CheckDependsOnDropped(IMigrationStep earlier, IMigrationStep later, List<IMigrationStep> ordered, int i, int j, List<MigrationConflict> conflicts)
    {
        var needs = later.Footprint.Reads.Concat(later.Footprint.Alters).Concat(later.Footprint.Drops).ToHashSet();
        foreach (var dropped in earlier.Footprint.Drops)
        {
            foreach (var needed in needs.Where(dropped.Covers))
            {
                if (RecreatedBetween(needed, ordered, i, j))
                {
                    continue;
                }

                conflicts.Add(new MigrationConflict(
                    MigrationConflictKind.DependsOnDropped,
                    [earlier.Version, later.Version],
                    needed.Table,
                    needed.Name,
                    $"step {later.Version} needs {needed}, which step {earlier.Version} drops ({dropped})"));
            }
        }
    }

    // The later step declares (directly or through a chain of declarations) that it follows the earlier one.
    private static bool IsOrdered(IMigrationStep earlier, IMigrationStep later, List<IMigrationStep> ordered)
    {
        var byVersion = ordered.ToDictionary(s => s.Version);
        var seen = new HashSet<int>();
        var stack = new Stack<int>(later.Footprint.After);
        while (stack.Count > 0)
        {
            var version = stack.Pop();
            if (version == earlier.Version)
            {
                return true;
            }

            if (seen.Add(version) && byVersion.TryGetValue(version, out var step))
            {
                foreach (var next in step.Footprint.After)
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    private static bool DroppedBetween(SchemaObject created, List<IMigrationStep> ordered, int i, int j) =>
        ordered.Skip(i + 1).Take(j - i - 1).Any(s => s.Footprint.Drops.Any(d => d.Covers(created)));

    // A drop is undone when a step after it (and before the one in question) creates the object or its table again.
    private static bool RecreatedBetween(SchemaObject needed, List<IMigrationStep> ordered, int i, int j) =>
        ordered.Skip(i + 1).Take(j - i - 1).Any(s => s.Footprint.Creates.Any(c => c.Covers(needed) || c.Equals(needed)));

    private static (string Table, string? Column) Narrowest(SchemaObject a, SchemaObject b) =>
        a.Kind == SchemaObjectKind.Column ? (a.Table, a.Name) : (b.Table, b.Name);
}
