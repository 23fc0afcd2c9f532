namespace Socrates.BenchmarkAnalysis;

/// <summary>
/// The <c>--name value</c> options of the benchmark commands. Unknown options, a missing value
/// or a repeated option are usage errors (exit code 2), reported with the option's name; an option
/// named in <c>repeatable</c> may be given any number of times (<see cref="All"/>).
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, List<string>> _repeated;

    private CommandArguments(Dictionary<string, string> values, Dictionary<string, List<string>> repeated)
    {
        _values = values;
        _repeated = repeated;
    }

    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, IReadOnlyCollection<string>? repeatable = null)
    {
        repeatable ??= [];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string? value = null;
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || !(known.Contains(name[2..]) || repeatable.Contains(name[2..])))
            {
                throw new ArgumentException($"unknown argument '{args[i]}' (options: {string.Join(", ", known.Concat(repeatable).Select(k => "--" + k))})");
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"option '{name}' needs a value");
                }

                value = args[++i];
            }

            if (repeatable.Contains(name[2..]))
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    throw new ArgumentException($"option '{name}' needs a value");
                }

                if (!repeated.TryGetValue(name[2..], out var list))
                {
                    repeated[name[2..]] = list = [];
                }

                list.Add(value);
            }
            else if (!values.TryAdd(name[2..], value))
            {
                throw new ArgumentException($"option '{name}' is given twice");
            }
        }

        return new CommandArguments(values, repeated);
    }

    /// <summary>Every value of a repeatable option, in the order given; empty when it is absent.</summary>
    public IReadOnlyList<string> All(string name) => _repeated.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value as given (possibly empty), or null when the option is absent.</summary>
    public string? Raw(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public string Required(string name) =>
        Optional(name) ?? throw new ArgumentException($"option '--{name}' is required");
}
