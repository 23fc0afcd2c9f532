namespace Socrates.Gates.Reporting;

/// <summary>
/// Matches a test as a result file names it against the writer a metric file names
/// (<c>Namespace.Class.Method</c>): the result file may add a theory's arguments
/// (<c>...Method(x: 1)</c>), and a nested class may be written with <c>+</c> or <c>.</c>.
/// </summary>
internal static class TestNames
{
    public static bool SameTest(string resultName, string? writer)
    {
        ArgumentNullException.ThrowIfNull(resultName);
        if (string.IsNullOrWhiteSpace(writer))
        {
            return false;
        }

        var result = Normalize(resultName);
        var test = Normalize(writer);
        return result == test || result.StartsWith(test + "(", StringComparison.Ordinal);
    }

    private static string Normalize(string name) => name.Trim().Replace('+', '.');
}
