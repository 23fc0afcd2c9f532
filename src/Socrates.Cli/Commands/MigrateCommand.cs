using System.CommandLine;
using Socrates.Core.Migration.Errors;
using Socrates.Core.Migration.Progress;
using Socrates.Core.Migration.V1ToV2;

namespace Socrates.Cli.Commands;

/// <summary>
/// <c>socrates migrate --from v1.db --to v2.db [--summary out.json] [--batch-size N] [--memory-budget-mib M] [--max-pickle-mib P] [--backup-dir DIR]</c>:
/// runs the V1 -> V2 migration (resumes an interrupted one), prints the JSON summary on stdout and
/// writes it to <c>--summary</c>; the first rejects and any error go to stderr.
/// Exit 0 when migrated and validated, 1 when the migration stopped (the error says where and where
/// the backup is), <see cref="CliExitCodes.Interrupted"/> when stopped on request (Ctrl-C, SIGTERM),
/// <see cref="CliExitCodes.Usage"/> for a bad command line.
/// </summary>
public static class MigrateCommand
{
    public const int Failed = 1;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The V1 database (read only).", Required = true }.ExistingFile();
        var to = new Option<string>("--to") { Description = "The V2 database to create or resume (a new file, or one this command made).", Required = true };
        var summary = new Option<string?>("--summary") { Description = "Also write the JSON summary to this file." };
        var batch = new Option<int?>("--batch-size")
        {
            Description = "Source rows per transaction, fixed (at least 1). Default: auto-tuned per table (16 rows, doubling while within the memory budget, at most 64).",
        }.AtLeast(1);
        var budget = new Option<int>("--memory-budget-mib")
        {
            Description = "Source bytes the copy may hold at once, in MiB (default 256; two batches in flight, half each; at least twice --max-pickle-mib).",
            DefaultValueFactory = _ => (int)(V1ToV2Options.DefaultMemoryBudgetBytes / (1024 * 1024)),
        }.AtLeast(1);
        var backupDir = new Option<string?>("--backup-dir")
        {
            Description = "Folder for the verified backup of the source (default: beside the source; use it when that folder is read-only).",
        };
        var maxPickle = new Option<int>("--max-pickle-mib")
        {
            Description = "Largest pickle blob decoded, in MiB (default 64); a larger one is rejected. Raise it for a legitimate giant project.",
            DefaultValueFactory = _ => (int)(V1ToV2Options.DefaultMaxPickleBytes / (1024 * 1024)),
        }.AtLeast(1);
        var command = new Command("migrate", "Migrate a V1 database to V2: backup, key scan, batched resumable copy, rejects, validation.")
        {
            from, to, summary, batch, backupDir, maxPickle, budget,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var (budgetMib, pickleMib) = (parse.GetValue(budget), parse.GetValue(maxPickle));
            if (budgetMib < 2L * pickleMib)
            {
                await error.WriteLineAsync($"--memory-budget-mib ({budgetMib}) must be at least twice --max-pickle-mib ({pickleMib}): each of the two batches in flight must fit the largest pickle allowed.");
                return CliExitCodes.Usage;
            }

            var target = parse.GetValue(to)!;
            // A progress line rewritten in place on a terminal; plain lines in a log or a pipe.
            var progress = new ProgressPrinter(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
            var options = new V1ToV2Options
            {
                BatchSize = parse.GetValue(batch),
                BackupDirectory = parse.GetValue(backupDir),
                MaxPickleBytes = parse.GetValue(maxPickle) * 1024L * 1024L,
                MemoryBudgetBytes = parse.GetValue(budget) * 1024L * 1024L,
            };
            string json;
            int exit;
            try
            {
                var result = await V1ToV2Migrator.MigrateAsync(parse.GetValue(from)!, target, options, progress, cancellationToken);
                progress.Finish();
                json = result.ToJson();
                exit = CliExitCodes.Success;
                await RejectsPrinter.PrintAsync(error, target, result.RejectedRows, CancellationToken.None);
                await error.WriteLineAsync(result.Describe());
            }
            catch (V1ToV2MigrationException failure)
            {
                progress.Finish();
                await error.WriteLineAsync(failure.Message);
                json = failure.Summary?.ToJson() ?? System.Text.Json.JsonSerializer.Serialize(new
                {
                    failed = true, stage = failure.Stage.ToString(), code = failure.Code.ToString(), backup = failure.BackupPath, error = failure.Message,
                });
                exit = failure.Code == MigrationErrorCode.Cancelled ? CliExitCodes.Interrupted : Failed;
                if (failure.Summary is { } partial)
                {
                    await RejectsPrinter.PrintAsync(error, target, partial.RejectedRows, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("Stopped on request before the migration started; nothing was written. Run the same command again to start.");
                return CliExitCodes.Interrupted;
            }

            await output.WriteLineAsync(json);
            if (parse.GetValue(summary) is { } path)
            {
                await File.WriteAllTextAsync(path, json, CancellationToken.None);
            }

            return exit;
        });
        return command;
    }
}
