using System.CommandLine;
using Socrates.Testing.Linearizability.Checking;
using Socrates.Testing.Linearizability.Edn;
using Socrates.Testing.Linearizability.Histories;
using Socrates.Testing.Linearizability.Jepsen;
using Socrates.Testing.Linearizability.Models;
using Socrates.Testing.Linearizability.Reporting;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates check-history --model register|cas-register|kv [--timeout 10s] &lt;file&gt;</c>:
/// checks a Jepsen EDN history for linearizability. Exit codes: see <see cref="CheckHistoryExitCodes"/>.
/// </summary>
public static class CheckHistoryCommand
{
    public const string Name = "check-history";

    /// <summary>The models the command knows.</summary>
    public static IReadOnlyList<string> Models { get; } = ["register", "cas-register", "kv"];

    public static Command Create()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "The model to check against: register (read/write), cas-register (read/write/cas [old new]), kv (get/put/append [key value], keys checked independently).",
            Required = true,
        };
        model.AcceptOnlyFromAmong([.. Models]);

        var timeout = new Option<TimeSpan>("--timeout", "-t")
        {
            Description = "Time budget (e.g. 500ms, 10s, 2m). When it runs out the answer is 'unknown' (exit 2), never a guess.",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                var parsed = DurationParser.TryParse(text, out var error);
                if (parsed is null)
                {
                    result.AddError(error!);
                    return default;
                }

                return parsed.Value;
            },
        };

        var file = new Argument<FileInfo>("file")
        {
            Description = "A Jepsen history: EDN maps {:process p, :type :invoke|:ok|:fail|:info, :f ..., :value ...}, one per line.",
        };

        var command = new Command(Name, "Checks a Jepsen EDN history for linearizability. Exit 0 linearizable, 1 not linearizable (timeline printed), 2 unknown (time budget spent), 3 unreadable input or usage error.");
        command.Options.Add(model);
        command.Options.Add(timeout);
        command.Arguments.Add(file);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(model),
            parse.GetValue(timeout),
            parse.GetRequiredValue(file),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string model, TimeSpan timeout, FileInfo file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read '{file.FullName}': {e.Message}");
            return CheckHistoryExitCodes.Unreadable;
        }

        string report;
        CheckOutcome outcome;
        try
        {
            var operations = JepsenHistoryReader.Read(text);
            var options = new CheckOptions { Timeout = timeout };
            (outcome, report) = model switch
            {
                "register" => Check(new RegisterModel<string>(), JepsenHistories.ToRegister(operations, allowCas: false), options, cancellationToken),
                "cas-register" => Check(new CasRegisterModel<string>(), JepsenHistories.ToRegister(operations, allowCas: true), options, cancellationToken),
                "kv" => Check(new KeyValueModel(), JepsenHistories.ToKeyValue(operations), options, cancellationToken),
                _ => throw new ArgumentOutOfRangeException(nameof(model), model, $"Unknown model; use one of {string.Join(", ", Models)}."),
            };
        }
        catch (HistoryFormatException e)
        {
            await error.WriteLineAsync($"{file.Name}: {e.Message} [{e.Code}]");
            return CheckHistoryExitCodes.Unreadable;
        }

        await output.WriteAsync(report);
        return outcome switch
        {
            CheckOutcome.Linearizable => CheckHistoryExitCodes.Linearizable,
            CheckOutcome.NotLinearizable => CheckHistoryExitCodes.NotLinearizable,
            _ => CheckHistoryExitCodes.Unknown,
        };
    }

    private static (CheckOutcome, string) Check<TState, TInput, TOutput>(
        IModel<TState, TInput, TOutput> model, History<TInput, TOutput> history, CheckOptions options, CancellationToken cancellationToken)
        where TState : notnull
    {
        var result = LinearizabilityChecker.Check(model, history, options, cancellationToken);
        return (result.Outcome, TimelineRenderer.Render(result));
    }
}
