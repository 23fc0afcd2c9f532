using System.Collections.Frozen;
using System.Reflection;

namespace Socrates.Core.Failpoints;

/// <summary>
/// The failpoint names declared by <see cref="FailpointCatalogAttribute"/> classes in every
/// assembly of the process: each owner (the core, the test kit, the benchmark harness...)
/// declares its canaries beside the code that checks them. At first use it reads the loaded
/// assemblies and those they reference that can declare a catalog (only an assembly that
/// references the core can), so a name is known before the code that checks it ever runs; an
/// assembly loaded later adds its catalogs when it loads.
/// </summary>
internal static class FailpointCatalogs
{
    private static readonly Lock s_gate = new();
    private static readonly string s_coreName = typeof(FailpointCatalogs).Assembly.GetName().Name!;
    private static readonly HashSet<string> s_scanned = new(StringComparer.Ordinal);
    private static FrozenSet<string> s_names = FrozenSet<string>.Empty;

    static FailpointCatalogs()
    {
        // Subscribed before the scan, so an assembly loading meanwhile is not missed (a rescan is a no-op).
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Add([e.LoadedAssembly]);
        Add(AppDomain.CurrentDomain.GetAssemblies());
    }

    /// <summary>Every name declared so far.</summary>
    public static FrozenSet<string> Names => Volatile.Read(ref s_names);

    private static void Add(IEnumerable<Assembly> roots)
    {
        lock (s_gate)
        {
            var found = new List<string>();
            var pending = new Queue<Assembly>(roots);
            while (pending.TryDequeue(out var assembly))
            {
                if (assembly.IsDynamic || !CanDeclare(assembly) || !s_scanned.Add(assembly.FullName!))
                {
                    continue;
                }

                found.AddRange(Declared(assembly));
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    if (!s_scanned.Contains(reference.FullName) && TryLoad(reference) is { } referenced)
                    {
                        pending.Enqueue(referenced);
                    }
                }
            }

            if (found.Count > 0)
            {
                Volatile.Write(ref s_names, s_names.Union(found).ToFrozenSet(StringComparer.Ordinal));
            }
        }
    }

    private static bool CanDeclare(Assembly assembly) =>
        assembly.GetName().Name == s_coreName
        || Array.Exists(assembly.GetReferencedAssemblies(), r => r.Name == s_coreName);

    private static IEnumerable<string> Declared(Assembly assembly) =>
        LoadableTypes(assembly)
            .Where(t => t.GetCustomAttribute<FailpointCatalogAttribute>() is not null)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    private static Type[] LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return [.. partial.Types.OfType<Type>()];
        }
    }

    // A reference the process cannot resolve (an optional dependency never deployed) declares nothing here.
    private static Assembly? TryLoad(AssemblyName name)
    {
        try
        {
            return Assembly.Load(name);
        }
        catch (Exception error) when (error is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }
}
