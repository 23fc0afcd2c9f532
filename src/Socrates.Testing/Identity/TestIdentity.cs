using System.Reflection;

namespace Socrates.Testing.Identity;

/// <summary>
/// The test running on this async flow, as the test runner's filter names it
/// (<c>Namespace.Class.Method</c>), and the test assembly of this process. Set by
/// <see cref="RecordTestIdentityAttribute"/>; null outside a test (a benchmark, a class fixture
/// built before any test). Metric files carry it so that a canary reruns only the tests that
/// wrote its gate's metric.
/// </summary>
public static class TestIdentity
{
    private static readonly AsyncLocal<string?> s_current = new();
    private static string? s_assembly;

    /// <summary>The fully qualified name of the test on this flow, or null.</summary>
    public static string? Current => s_current.Value;

    /// <summary>The file name of the test assembly this process runs (e.g. <c>Socrates.Core.Tests.dll</c>), or null.</summary>
    public static string? Assembly => Volatile.Read(ref s_assembly);

    /// <summary>The name a <c>FullyQualifiedName=</c> test filter matches for <paramref name="method"/>.</summary>
    public static string NameOf(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReflectedType ?? method.DeclaringType
            ?? throw new ArgumentException($"Test method {method.Name} has no declaring type.", nameof(method));
        return $"{type.FullName}.{method.Name}";
    }

    internal static void Enter(MethodInfo method)
    {
        s_current.Value = NameOf(method);
        var type = method.ReflectedType ?? method.DeclaringType;
        if (type is not null)
        {
            Interlocked.CompareExchange(ref s_assembly, Path.GetFileName(type.Assembly.Location), null);
        }
    }

    internal static void Leave() => s_current.Value = null;
}
