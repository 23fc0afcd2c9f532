using System.CommandLine;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Jepsen;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates check-history --model register|cas-register|kv [--format auto|jepsen|porcupine]
/// [--initial EDN] [--timeout 10s] [--max-memory 384MB] &lt;file-or-folder&gt;...</c>: checks
/// Jepsen/Knossos or Porcupine EDN histories for linearizability. One file: the full report.
/// Several (or a folder): one verdict line each. Exit codes: see <see cref="CheckHistoryExitCodes"/>.
/// </summary>
public static class CheckHistoryCommand
{
    public const string Name = "check-history";

    /// <summary>The models the command knows.</summary>
    public static IReadOnlyList<string> Models { get; } = ["register", "cas-register", "kv"];

    /// <summary>The history forms the command knows.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["auto", "jepsen", "porcupine"];

    public static Command Create()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "The model to check against: register (read/write), cas-register (read/write/cas [old new]), kv (get/put/append, keys checked independently).",
            Required = true,
        };
        model.AcceptOnlyFromAmong([.. Models]);

        var format = new Option<string>("--format", "-f")
        {
            Description = "The history's form: jepsen (kv as :value [key value], a key never written reads nil), porcupine (kv as :key k :value v, a key never written reads \"\"), or auto (per file: porcupine when events carry :key).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong([.. Formats]);

        var initial = new Option<EdnValue?>("--initial")
        {
            Description = "The initial value of the register, or of every key (kv), as EDN: nil, 0, \"\" ... Overrides the form's default (nil; \"\" for porcupine kv).",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                try
                {
                    return new EdnReader(text).Read()?.Value ?? throw new EdnFormatException("expected a value", 1, 1);
                }
                catch (HistoryFormatException e)
                {
                    result.AddError($"--initial '{text}' is not one EDN value: {e.Message}");
                    return null;
                }
            },
        };

        var timeout = new Option<TimeSpan>("--timeout", "-t")
        {
            Description = "Time budget per file (e.g. 500ms, 10s, 2m). When it runs out the answer is 'unknown' (exit 2), never a guess.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = result => Parse(result, DurationParser.TryParse),
        };

        var maxMemory = new Option<long>("--max-memory")
        {
            Description = "Memory budget of the check (e.g. 256MB, 1GB), shared by the partitions searched at once: the estimated size of the caches of visited configurations and their states. When it is reached the answer is 'unknown' (exit 2).",
            DefaultValueFactory = _ => CheckOptions.DefaultMaxMemoryBytes,
            CustomParser = result => Parse(result, ByteSizeParser.TryParse),
        };

        var paths = new Argument<string[]>("paths")
        {
            Description = "History files, or folders whose files are all checked: EDN maps {:process p, :type :invoke|:ok|:fail|:info, :f ..., :value ...}, one per line.",
            Arity = ArgumentArity.OneOrMore,
        };

        var command = new Command(
            Name,
            "Checks Jepsen/Knossos or Porcupine EDN histories for linearizability; one file gives the full report, several give one verdict line each and the worst exit code. "
            + "Exit 0 linearizable, 1 not linearizable (timeline printed), 2 unknown (time or memory budget spent), 3 unreadable input or usage error, 4 nothing checked (no operation to judge: missing evidence, not a pass).");
        command.Options.Add(model);
        command.Options.Add(format);
        command.Options.Add(initial);
        command.Options.Add(timeout);
        command.Options.Add(maxMemory);
        command.Arguments.Add(paths);
        command.SetAction((parse, cancellationToken) => RunAsync(
            new CheckHistoryRequest(
                parse.GetRequiredValue(model),
                Enum.Parse<HistoryFormat>(parse.GetValue(format) ?? "auto", ignoreCase: true),
                parse.GetResult(initial) is null ? null : new InitialValue(parse.GetValue(initial)),
                new CheckOptions { Timeout = parse.GetValue(timeout), MaxMemoryBytes = parse.GetValue(maxMemory) }),
            parse.GetRequiredValue(paths),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CheckHistoryRequest request, string[] paths, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var files = HistoryPaths.Expand(paths);
        if (files.Count == 0)
        {
            await output.WriteLineAsync($"NOTHING CHECKED: no history file in {string.Join(", ", paths)}");
            return CheckHistoryExitCodes.NothingChecked;
        }

        var single = paths.Length == 1 && files.Count == 1 && !Directory.Exists(paths[0]);
        var worst = CheckHistoryExitCodes.Linearizable;
        foreach (var file in files)
        {
            var (exit, report) = await CheckFileAsync(request, file, error, cancellationToken);
            if (single)
            {
                await output.WriteAsync(report);
            }
            else
            {
                var headline = report.Split('\n', 2)[0].TrimEnd('\r');
                await output.WriteLineAsync($"{file}: {(exit == CheckHistoryExitCodes.Unreadable ? "UNREADABLE" : headline)}");
            }

            if (CheckHistoryExitCodes.Severity(exit) > CheckHistoryExitCodes.Severity(worst))
            {
                worst = exit;
            }
        }

        return worst;
    }

    private static async Task<(int Exit, string Report)> CheckFileAsync(CheckHistoryRequest request, string file, TextWriter error, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read '{Path.GetFullPath(file)}': {e.Message}");
            return (CheckHistoryExitCodes.Unreadable, string.Empty);
        }

        try
        {
            var operations = JepsenHistoryReader.Read(text);
            var format = HistoryFormats.Resolve(request.Format, operations);
            var (result, report) = request.Model switch
            {
                "register" => Check(new RegisterModel<string>(request.RegisterInitial()), JepsenHistories.ToRegister(operations, allowCas: false), request.Options, cancellationToken),
                "cas-register" => Check(new CasRegisterModel<string>(request.RegisterInitial()), JepsenHistories.ToRegister(operations, allowCas: true), request.Options, cancellationToken),
                "kv" => Check(new KeyValueModel(request.KeyValueInitial(format)), JepsenHistories.ToKeyValue(operations, format), request.Options, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Model, $"Unknown model; use one of {string.Join(", ", Models)}."),
            };
            return (ExitCode(result), report);
        }
        catch (HistoryFormatException e)
        {
            await error.WriteLineAsync($"{Path.GetFileName(file)}: {e.Message} [{e.Code}]");
            return (CheckHistoryExitCodes.Unreadable, string.Empty);
        }
    }

    private static int ExitCode(Verdict result) => result switch
    {
        { NothingChecked: true } => CheckHistoryExitCodes.NothingChecked,
        { Outcome: CheckOutcome.Linearizable } => CheckHistoryExitCodes.Linearizable,
        { Outcome: CheckOutcome.NotLinearizable } => CheckHistoryExitCodes.NotLinearizable,
        _ => CheckHistoryExitCodes.Unknown,
    };

    private static (Verdict, string) Check<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model, History<TInput, TOutput> history, CheckOptions options, CancellationToken cancellationToken)
        where TState : notnull
    {
        var result = LinearizabilityChecker.Check(model, history, options, cancellationToken);
        return (new Verdict(result.Outcome, result.NothingChecked), TimelineRenderer.Render(result));
    }

    private static T Parse<T>(System.CommandLine.Parsing.ArgumentResult result, TryParser<T> parser)
        where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        var parsed = parser(text, out var error);
        if (parsed is null)
        {
            result.AddError(error!);
            return default;
        }

        return parsed.Value;
    }

    private delegate T? TryParser<T>(string text, out string? error)
        where T : struct;

    private sealed record Verdict(CheckOutcome Outcome, bool NothingChecked);
}
