using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Socrates.Testing.Concurrency;

/// <summary>
/// FsCheck generators of <see cref="ConcurrentProgram"/>s: few keys (so clients collide), small
/// expected versions (so some saves win and some conflict), unique written values (so every read
/// names the write it saw). Shrinking is not FsCheck's: see <see cref="ProgramShrinker"/>.
/// </summary>
public static class ProgramGenerator
{
    private const int Keys = 2;

    /// <summary>Database steps only (no cache).</summary>
    public static Gen<ConcurrentProgram> Database { get; } = Program(DatabaseStep);

    /// <summary>Database and cached-repository steps mixed.</summary>
    public static Gen<ConcurrentProgram> Mixed { get; } = Program(Gen.Frequency((3, DatabaseStep), (2, CacheStep)));

    /// <summary>Cached-repository steps only.</summary>
    public static Gen<ConcurrentProgram> Cache { get; } = Program(CacheStep);

    private static Gen<ProgramOperation> DatabaseStep =>
        from key in Gen.Choose(0, Keys - 1)
        from kind in Gen.Frequency(
            (3, Gen.Constant(ProgramOperationKind.Save)),
            (4, Gen.Constant(ProgramOperationKind.Load)),
            (4, Gen.Constant(ProgramOperationKind.Update)),
            (1, Gen.Constant(ProgramOperationKind.Delete)),
            (2, Gen.Constant(ProgramOperationKind.AddCollaborator)),
            (1, Gen.Constant(ProgramOperationKind.RemoveCollaborator)),
            (2, Gen.Constant(ProgramOperationKind.AppendMessage)),
            (2, Gen.Constant(ProgramOperationKind.CountMessages)))
        from expected in Gen.Choose(0, 3)
        from user in Gen.Elements("u1", "u2")
        select new ProgramOperation(kind, key, expected, kind is ProgramOperationKind.AddCollaborator or ProgramOperationKind.RemoveCollaborator ? user : string.Empty);

    private static Gen<ProgramOperation> CacheStep =>
        from key in Gen.Choose(0, Keys - 1)
        from kind in Gen.Frequency(
            (5, Gen.Constant(ProgramOperationKind.CacheRead)),
            (3, Gen.Constant(ProgramOperationKind.CacheWrite)),
            (1, Gen.Constant(ProgramOperationKind.CacheInvalidate)))
        select new ProgramOperation(kind, key);

    private static Gen<ConcurrentProgram> Program(Gen<ProgramOperation> step) =>
        from prefixCount in Gen.Choose(0, 3)
        from prefix in Gen.ListOf(step, prefixCount)
        from clientCount in Gen.Choose(2, 5)
        from clients in Gen.ListOf(Gen.Choose(1, 5).SelectMany(n => Gen.ListOf(step, n)), clientCount)
        from suffixCount in Gen.Choose(0, 3)
        from suffix in Gen.ListOf(step, suffixCount)
        select WithUniqueValues(new ConcurrentProgram([.. prefix], [.. clients.Select(c => (IReadOnlyList<ProgramOperation>)[.. c])], [.. suffix]));

    /// <summary>Gives every writing step its own value (<c>w1</c>, <c>w2</c>...) in program order.</summary>
    internal static ConcurrentProgram WithUniqueValues(ConcurrentProgram program)
    {
        var next = 0;
        IReadOnlyList<ProgramOperation> Number(IReadOnlyList<ProgramOperation> steps) =>
        [
            .. steps.Select(s => s.Kind is ProgramOperationKind.Save or ProgramOperationKind.Update or ProgramOperationKind.CacheWrite or ProgramOperationKind.AppendMessage
                ? s with { Argument = string.Create(CultureInfo.InvariantCulture, $"w{++next}") }
                : s),
        ];
        var prefix = Number(program.Prefix);
        var clients = program.Clients.Select(Number).ToList();
        return new ConcurrentProgram(prefix, clients, Number(program.Suffix));
    }
}
