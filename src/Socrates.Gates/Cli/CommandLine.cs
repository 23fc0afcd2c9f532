namespace Socrates.Gates.Cli;

/// <summary>
/// The parsed arguments of one command: <c>--name value</c>, <c>--name=value</c> and bare
/// <c>--flag</c>s. Deliberately small; anything unknown or malformed is a usage error (exit 2).
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CommandLine(string command) => Command = command;

    public string Command { get; }

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they do not fit.</summary>
    /// <param name="options">Options taking a value.</param>
    /// <param name="flags">Options taking none.</param>
    public static CommandLine? Parse(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> options, IReadOnlyCollection<string> flags, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var line = new CommandLine(command);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string? value = equals > 0 ? arg[(equals + 1)..] : null;
            if (line._values.ContainsKey(name))
            {
                error = $"option '{name}' is given twice";
                return null;
            }

            if (flags.Contains(name))
            {
                if (value is not null)
                {
                    error = $"option '{name}' takes no value";
                    return null;
                }

                line._values[name] = null;
                continue;
            }

            if (!options.Contains(name))
            {
                error = $"unknown option '{name}' for '{command}' (known: {string.Join(", ", options.Concat(flags))})";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"option '{name}' needs a value";
                    return null;
                }

                value = args[++i];
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"option '{name}' needs a non-empty value";
                return null;
            }

            line._values[name] = value;
        }

        return line;
    }

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);
}
