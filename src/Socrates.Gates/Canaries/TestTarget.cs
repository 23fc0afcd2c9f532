namespace Socrates.Gates.Canaries;

/// <summary>
/// Tests of one test assembly for a canary run to rerun: by name, or, when <see cref="Tests"/> is
/// empty (a metric written outside any test, e.g. by a class fixture), every test of the suite
/// in that assembly.
/// </summary>
internal sealed record TestTarget(string Assembly, IReadOnlyList<string> Tests)
{
    /// <summary>The <c>dotnet test --filter</c> expression for exactly these tests; null for the whole suite.</summary>
    public string? Filter => Tests.Count == 0
        ? null
        : string.Join('|', Tests.Select(t => $"FullyQualifiedName={Escape(t)}"));

    // The test platform's filter syntax reserves these characters; a backslash makes them literal.
    private static string Escape(string value)
    {
        var escaped = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '(' or ')' or '|' or '&' or '=' or '!' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
